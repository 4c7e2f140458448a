package io.asynccrawler.cli;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.fetch.netty.TlsContexts;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.JobTotals;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.report.JsonReport;
import io.asynccrawler.report.Summary;
import io.asynccrawler.save.OutputDirectory;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    private static final Logger log = LoggerFactory.getLogger(FetchCommand.class);

    @Parameters(paramLabel = "URL|FILE", arity = "0..*", description = "URLs, or files of URLs ('-' = stdin).")
    List<String> inputs = new ArrayList<>();

    @Mixin
    FetchOptions options;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    /** Where '-' reads from; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        FetchSettings settings;
        JobSettings jobSettings;
        try {
            settings = options.fetchSettings();
            jobSettings = options.jobSettings();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (inputs.isEmpty()) {
            return usage(err, "no URL or FILE given ('-' reads stdin)");
        }
        if (options.resume) {
            return usage(err, "--resume is not built yet");
        }
        OutputDirectory dir;
        try {
            dir = OutputDirectory.open(options.outputDir);
        } catch (IOException e) {
            err.println("fetch: cannot write to output directory " + options.outputDir + ": " + Errors.describe(e));
            return ExitCodes.OUTPUT_DIR;
        }
        SslContext tls;
        try {
            tls = TlsContexts.client(settings.insecure(), options.caCert);
        } catch (SSLException | IllegalArgumentException e) {
            return usage(err, "cannot use --cacert " + options.caCert + ": " + Errors.describe(e));
        }
        ReportTarget report;
        try {
            report = ReportTarget.open(options.report);
        } catch (IOException e) {
            return usage(err, "cannot write report " + options.report + ": " + Errors.describe(e));
        }
        Summary summary = new Summary("async", jobSettings.concurrency());
        AtomicInteger signalExit = new AtomicInteger();
        JobTotals totals;
        try (report;
             NettyClient client = new NettyClient(options.transport, settings, tls, Runtime.getRuntime().availableProcessors());
             UrlSource source = new UrlSource(inputs, stdin)) {
            Job job = new Job(new PolicyFetcher(client, settings, dir), jobSettings,
                    r -> onResult(r, summary, report.json(), err), err::println);
            try (Signals signals = Signals.install(code -> {
                signalExit.compareAndSet(0, code);
                job.interrupt();
            })) {
                totals = job.run(source);
            }
            summary.finish();
            report.finish(summary);
            log.debug("event loop: longest stall {} ms (a tick due every {} ms)",
                    client.longestLoopStall().toMillis(), 20);
        }
        err.println(summary.line());
        return exitCode(totals, summary, signalExit.get());
    }

    private static void onResult(Result r, Summary summary, JsonReport report, PrintWriter err) {
        summary.add(r);
        if (report != null) {
            report.add(r);
        }
        if (r.outcome() == Outcome.FAILED) {
            err.println(r.url() + ": " + r.error());
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} {} {} bytes {} ms -> {}", r.outcome().word(), r.status(), r.url(), r.bytes(), r.totalMs(), r.file());
        }
    }

    static int exitCode(JobTotals totals, Summary summary, int signalExit) {
        if (totals.interrupted() && signalExit != 0) {
            return signalExit;
        }
        if (summary.failed() > 0) {
            return ExitCodes.SOME_FAILED;
        }
        if (totals.targets() == 0 && totals.inputErrors() > 0) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("fetch: " + message);
        err.println("Try 'crawler fetch --help' for more information.");
        return ExitCodes.USAGE;
    }
}
