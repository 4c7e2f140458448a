package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Stdin;
import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.job.JobTotals;
import io.asynccrawler.report.Summary;
import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawler fetch}: downloads every URL of the input on the Netty event loop. */
@Command(name = "fetch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Download every URL, many at once, each streamed to a file under the output directory.",
            "FILE holds one URL a line ('-' reads stdin); '#' comments and blank lines are skipped.",
            "An optional second column names the output path. Existing files are skipped unless --overwrite.",
            "Exit codes: 0 all ok or skipped, 1 some failed, 2 usage or input error, 3 output directory "
                    + "not writable, 130 interrupted (143 on SIGTERM)."})
final class FetchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "URLs, or files of URLs ('-' = stdin).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    FetchOptions options;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    /** Where '-' reads from; tests replace it; null: the process's stdin. */
    InputStream stdin;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "async", converter = ModeConverter.class,
            completionCandidates = ModeConverter.Names.class,
            description = "How requests run: async (the event loop), sync (one blocking request after another),"
                    + " threads (blocking, on -c threads) or virtual (blocking, on virtual threads; JDK 21+)"
                    + " (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = options.problem(inputs);
        if (problem != null) {
            return usage(err, problem);
        }
        if (!mode.isAvailable()) {
            return usage(err, "--mode " + mode.label() + " needs JDK 21 or later (this is " + Runtime.version() + ")");
        }
        OutputDirectory dir;
        try {
            dir = OutputDirectory.open(options.outputDir);
        } catch (IOException e) {
            err.println("fetch: cannot write to output directory " + options.outputDir + ": " + Errors.describe(e));
            return ExitCodes.OUTPUT_DIR;
        }
        ReportTarget report;
        try {
            report = ReportTarget.open(options.report);
        } catch (IOException e) {
            return usage(err, "cannot write report " + options.report + ": " + Errors.describe(e));
        }
        JobRun.Finished finished;
        InputStream in = stdin != null ? stdin : Stdin.interruptible();
        try (report) {
            finished = new JobRun(mode, options, err, Terminal.ofStderr(System.getenv()), logging).run(inputs, in, dir, report.json());
            report.finish(finished.summary());
        } catch (GeneralSecurityException | SSLException | IllegalArgumentException e) {
            return usage(err, options.cannotSetUpTls(e));
        } finally {
            dir.removeIfMadeAndEmpty();
        }
        if (logging.quiet) {
            err.println(finished.summary().line());
        } else {
            Terminal terminal = Terminal.ofStderr(System.getenv());
            err.print(SummaryBlock.render(finished.summary(), options.report, terminal.colour() ? Ansi.ON : Ansi.OFF));
            err.flush();
        }
        return exitCode(finished.totals(), finished.summary(), finished.signalExit());
    }

    static int exitCode(JobTotals totals, Summary summary, int signalExit) {
        if (totals.interrupted() && signalExit != 0) {
            return signalExit;
        }
        if (totals.targets() == 0 && totals.inputErrors() > 0) {
            return ExitCodes.USAGE; // nothing given could be fetched
        }
        if (summary.failed() > 0) {
            return ExitCodes.SOME_FAILED; // a failed URL or a bad input line among good ones
        }
        return ExitCodes.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("fetch: " + message);
        err.println("Try 'crawler fetch --help' for more information.");
        return ExitCodes.USAGE;
    }
}
