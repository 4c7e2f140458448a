package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Stdin;
import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.job.JobTotals;
import io.asynccrawler.report.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            "Durations (D): 250ms, 10s, 2m, 1h; a bare number is seconds.",
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
        inputs = options.inputs(inputs);
        String problem = options.problem(inputs);
        if (problem != null) {
            return usage(err, problem);
        }
        int unreadable = JobCommand.unreadableInput(err, "fetch", inputs);
        if (unreadable >= 0) {
            return unreadable;
        }
        if (!mode.isAvailable()) {
            return usage(err, "--mode " + mode.label() + " needs JDK 21 or later (this is " + Runtime.version() + ")");
        }
        InputStream in = stdin != null ? stdin : Stdin.interruptible();
        return JobCommand.run(spec, options, logging, err, (dir, report) ->
                new JobRun(mode, options, err, Terminal.ofStderr(System.getenv()), logging).run(inputs, in, dir, report), more -> { });
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
        return JobCommand.usage(err, "fetch", message);
    }
}
