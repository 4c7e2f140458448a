package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.crawl.CrawlRules;
import io.asynccrawler.report.AsciiTimeline;
import io.asynccrawler.report.ComparisonTable;
import io.asynccrawler.report.JsonReport;
import io.asynccrawler.report.Summary;
import io.asynccrawler.report.Timeline;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawler compare}: the same job in several modes, checked for identical output, timed side by side. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the same URL list in several modes, one after another, each into OUTPUT-DIR/<mode>/.",
            "Then check every mode saved the same files with the same SHA-256, and show a table and a timeline.",
            "Async does not make one request faster: it keeps many waiting at once. The timeline shows it.",
            "With --crawl, each mode crawls from the seed URLs from scratch (crawl's options apply), its state kept apart.",
            "With --protocols, the runs are the event loop over each protocol instead: what multiplexing buys on this job.",
            "Durations (D): 250ms, 10s, 2m, 1h; a bare number is seconds.",
            "Exit codes: 0 same output and no failures, 1 a difference or a failed URL, 2 usage error, 130 interrupted."})
final class CompareCommand implements Callable<Integer> {
    /** Where --crawl keeps each mode's crawl state while it runs, inside the output directory, beside the modes' trees. */
    static final String STATE_DIR = ".compare-state";

    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "URLs, or files of URLs ('-' = stdin).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--modes", paramLabel = "M,M", split = ",", defaultValue = "sync,async", converter = ModeConverter.class,
            completionCandidates = ModeConverter.Names.class,
            description = "Modes to run, in order: sync, threads, virtual (JDK 21+), async (default: ${DEFAULT-VALUE}).")
    List<Mode> modes;

    @Option(names = "--protocols", paramLabel = "P,P", split = ",", converter = ComparedProtocol.Converter.class,
            completionCandidates = ComparedProtocol.Names.class,
            description = "Instead of modes, run the job in async mode over each protocol, in order: http1.1, h2 (h2 by ALPN"
                    + " over https, by prior knowledge over http), into OUTPUT-DIR/<protocol>/.")
    List<ComparedProtocol> protocols = new ArrayList<>();

    @Option(names = "--timeline", paramLabel = "FILE", description = "Also draw the timeline as FILE.svg or FILE.html.")
    Path timelineFile;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "64",
            description = "Before each mode's clock starts, fetch N small bodies from a built-in loopback server with it,"
                    + " so that no mode is timed while its code still runs interpreted; 0: none (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--crawl", description = "Compare a crawl from the seed URLs, with crawl's options (-l, -p, --no-parent, ...),"
            + " instead of a fetch of a list.")
    boolean crawling;

    @Mixin
    FetchOptions options;

    @Mixin
    CrawlOptions crawl;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    /** Where '-' reads from; tests replace it. */
    InputStream stdin = System.in;

    /** Each mode's output directory, as opened. */
    private final List<OutputDirectory> opened = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        boolean rootMade = Files.notExists(options.outputDir, LinkOption.NOFOLLOW_LINKS);
        try {
            return compare();
        } finally {
            // As fetch: a directory made for this run and left empty (every URL failed, a mistyped
            // list) goes again, each mode's and then the one holding them; anything holding a file stays.
            Path state = options.outputDir.resolve(STATE_DIR);
            if (Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
                ScratchDirs.delete(state); // a comparison is not resumed: every run starts from scratch
            }
            opened.forEach(OutputDirectory::removeIfMadeAndEmpty);
            if (rootMade) {
                OutputDirectory.removeIfEmpty(options.outputDir);
            }
        }
    }

    private int compare() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        inputs = options.inputs(inputs);
        String problem = options.problem(inputs);
        if (problem != null) {
            return usage(err, problem);
        }
        if (warmUp < 0) {
            return usage(err, "--warm-up must be 0 or more: " + warmUp);
        }
        if (!protocols.isEmpty() && spec.commandLine().getParseResult().hasMatchedOption("--modes")) {
            return usage(err, "--modes and --protocols: give one (--protocols runs each protocol in async mode)");
        }
        problem = timelineFile == null ? null : TimelineFile.problem(timelineFile);
        if (problem == null) {
            problem = crawling ? crawl.problem() : crawlOptionWithoutCrawl();
        }
        if (problem != null) { // said now, not after a comparison that may take minutes
            return usage(err, problem);
        }
        int unreadable = JobCommand.unreadableInput(err, "compare", inputs);
        if (unreadable >= 0) {
            return unreadable;
        }
        // Every mode fetches everything: a file left by an earlier mode or run must not be "skipped".
        options.overwrite = true;
        List<String> replayable = crawling ? inputs : replayableInputs();
        CrawlRules rules = null;
        if (crawling) {
            List<URI> seeds = CrawlOptions.seeds(inputs, stdin, err, "compare");
            if (seeds.isEmpty()) {
                return usage(err, "no seed URL to crawl from");
            }
            rules = crawl.rules(seeds, options);
        }
        ReportTarget report;
        try {
            report = ReportTarget.open(options.report);
        } catch (IOException e) {
            return usage(err, "cannot write report " + options.report + ": " + Errors.describe(e));
        }
        List<Summary> summaries = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        int signalExit = 0;
        boolean failures = false;
        TestServer warmUpServer = warmUp > 0 ? ModeWarmUp.server(err) : null;
        try (report) {
            for (ComparedRun each : ComparedRun.of(modes, protocols)) {
                Mode mode = each.mode();
                if (!mode.isAvailable()) {
                    err.println("compare: skipping " + mode.label() + ": virtual threads need JDK 21 or later (this is "
                            + Runtime.version().feature() + ")");
                    continue;
                }
                Path dir = options.outputDir.resolve(each.label());
                OutputDirectory output;
                try {
                    output = OutputDirectory.open(dir);
                    opened.add(output);
                } catch (IOException e) {
                    err.println("compare: cannot write to output directory " + dir + ": " + Errors.describe(e));
                    return ExitCodes.OUTPUT_DIR;
                }
                if (!logging.quiet) {
                    err.println("compare: " + each.label() + " ...");
                }
                JobRun run = new JobRun(mode, options, err, Terminal.ofStderr(System.getenv()), logging)
                        .forComparison(each.protocol());
                if (warmUpServer != null) {
                    run.warmUpAgainst(warmUpServer.baseUri(), warmUp);
                }
                JobRun.Finished finished = rules == null ? run.run(replayable, stdin, output, report.json())
                        : crawlInto(run, rules, output, report.json(), each.label());
                if (!logging.quiet || finished.summary().failed() > 0) {
                    err.println("compare: " + each.label() + ": " + finished.summary().line());
                }
                summaries.add(finished.summary());
                timelines.add(finished.timeline());
                dirs.add(dir);
                failures |= finished.summary().failed() > 0;
                if (finished.signalExit() != 0) {
                    signalExit = finished.signalExit();
                    break;
                }
            }
            if (!summaries.isEmpty()) {
                report.finish(summaries.toArray(Summary[]::new));
            }
        } catch (GeneralSecurityException | SSLException | IllegalArgumentException e) {
            return usage(err, options.cannotSetUpTls(e));
        } finally {
            if (warmUpServer != null) {
                warmUpServer.close();
            }
        }
        if (summaries.isEmpty()) {
            return usage(err, "no mode could run");
        }
        out.println();
        out.print(ComparisonTable.render(summaries));
        out.println();
        out.print(AsciiTimeline.render(timelines, terminalWidth()));
        if (timelineFile != null) {
            TimelineFile.write(timelineFile, timelines, summaries, options.concurrency);
            out.println("\ntimeline written to " + timelineFile);
        }
        out.flush();
        if (signalExit != 0) {
            return signalExit;
        }
        boolean differ = !SameTrees.check(dirs, err, logging.quiet, protocols.isEmpty() ? "mode" : "protocol");
        return differ || failures ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** Input that can be read once per mode: stdin is copied to a temporary file first. */
    private List<String> replayableInputs() throws IOException {
        List<String> replayable = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                Path copy = Files.createTempFile("crawler-compare-", ".txt");
                copy.toFile().deleteOnExit();
                Files.copy(stdin, copy, StandardCopyOption.REPLACE_EXISTING);
                replayable.add(copy.toString());
            } else {
                replayable.add(input);
            }
        }
        return replayable;
    }

    /**
     * One run's crawl into {@code output}, from scratch: its state in OUTPUT-DIR/{@value #STATE_DIR}/LABEL,
     * made anew (compare fetches everything again, as --overwrite) and apart from the trees compared.
     */
    private JobRun.Finished crawlInto(JobRun run, CrawlRules rules, OutputDirectory output, JsonReport report, String label)
            throws IOException, GeneralSecurityException {
        Path state = options.outputDir.resolve(STATE_DIR).resolve(label);
        if (Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
            ScratchDirs.delete(state);
        }
        return run.run(crawl.frontier(rules, state, output, options.fetchSettings().userAgent()), output, report);
    }

    /** Which crawl option was given without --crawl, as a usage problem, or null. */
    private String crawlOptionWithoutCrawl() {
        Set<String> crawlOptions = new HashSet<>();
        spec.mixins().get("crawl").options().forEach(o -> crawlOptions.addAll(List.of(o.names())));
        for (OptionSpec given : spec.commandLine().getParseResult().matchedOptions()) {
            if (crawlOptions.contains(given.longestName())) {
                return given.longestName() + " is an option of a crawl: add --crawl";
            }
        }
        return null;
    }

    private static int terminalWidth() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("compare: " + message);
        err.println("Try 'crawler compare --help' for more information.");
        return ExitCodes.USAGE;
    }
}
