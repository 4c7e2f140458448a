package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.crawl.CrawlRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawler crawl}: from seeds, the pages of their hosts, link by link, politely, with a frontier on disk. */
@Command(name = "crawl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Crawl from the seed URLs: fetch each page, read its links, follow those on the seeds' hosts to --depth.",
            "robots.txt is obeyed and its Crawl-delay honoured.",
            "The crawl's state lives on disk (--state): run the same command again after Ctrl-C or a crash and it goes on; a finished crawl run again fetches nothing.",
            "Durations (D): 250ms, 10s, 2m, 1h; a bare number is seconds.",
            "Exit codes: as fetch (0 all ok or skipped, 1 some failed, 2 usage, 3 output directory, 130 interrupted)."})
final class CrawlCommand implements Callable<Integer> {
    /** The state directory's name inside the output directory: no host name (a saved file's first segment) starts with a dot. */
    static final String STATE_DIR = ".crawl-state";

    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "Seed URLs, or files of them ('-' = stdin).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    FetchOptions options;

    @Mixin
    CrawlOptions crawl;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    /** Where '-' reads from; tests replace it; null: the process's stdin. */
    InputStream stdin;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "async", converter = ModeConverter.class,
            completionCandidates = ModeConverter.Names.class,
            description = "async (the event loop), sync, threads or virtual, as fetch (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the crawl keeps what it found and did (default: OUTPUT_DIR/" + STATE_DIR + ").")
    Path state;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        inputs = options.inputs(inputs);
        String problem = options.problem(inputs);
        if (problem == null) {
            problem = crawl.problem();
        }
        if (problem != null) {
            return usage(err, problem);
        }
        int unreadable = JobCommand.unreadableInput(err, "crawl", inputs);
        if (unreadable >= 0) {
            return unreadable;
        }
        if (!mode.isAvailable()) {
            return usage(err, "--mode " + mode.label() + " needs JDK 21 or later (this is " + Runtime.version() + ")");
        }
        List<URI> seeds = CrawlOptions.seeds(inputs, stdin, err, "crawl");
        if (seeds.isEmpty()) {
            return usage(err, "no seed URL to crawl from");
        }
        CrawlRules rules = crawl.rules(seeds, options);
        Path stateDir = state != null ? state : options.outputDir.resolve(STATE_DIR);
        return JobCommand.run(spec, options, logging, err, (dir, report) ->
                new JobRun(mode, options, err, Terminal.ofStderr(System.getenv()), logging)
                        .run(crawl.frontier(rules, stateDir, dir, options.fetchSettings().userAgent()), dir, report),
                more -> more.println("  state     " + stateDir + " (the same command again goes on from it)"));
    }

    private static int usage(PrintWriter err, String message) {
        return JobCommand.usage(err, "crawl", message);
    }
}
