package io.asynccrawler.cli;

import io.asynccrawler.cli.process.OpenFiles;
import io.asynccrawler.cli.process.ProgressLine;
import io.asynccrawler.cli.process.Signals;
import io.asynccrawler.cli.process.StatusLine;
import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.fetch.Codings;
import io.asynccrawler.fetch.Downloads;
import io.asynccrawler.fetch.ExchangeClient;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Protocol;
import io.asynccrawler.fetch.Proxies;
import io.asynccrawler.fetch.Proxy;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.fetch.blocking.BlockingClient;
import io.asynccrawler.fetch.blocking.BlockingTls;
import io.asynccrawler.fetch.netty.ClientSettings;
import io.asynccrawler.fetch.netty.ClientTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.job.Frontier;
import io.asynccrawler.job.Job;
import io.asynccrawler.job.JobListener;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.JobTotals;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.report.JsonReport;
import io.asynccrawler.report.Summary;
import io.asynccrawler.report.Timeline;
import io.asynccrawler.report.Units;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one job in one mode: builds the transport, runs the Job, collects its totals and timeline. */
final class JobRun {
    private static final Logger log = LoggerFactory.getLogger(JobRun.class);

    /** What a finished run tells. */
    record Finished(Summary summary, JobTotals totals, Timeline timeline, int signalExit) {
    }

    private final Mode mode;
    private final FetchOptions options;
    private final PrintWriter err;
    private final Terminal terminal;
    private final LoggingOptions logging;
    /** Where per-URL lines go: {@link #err}, or through the progress line while it is shown. */
    private volatile PrintWriter lines;
    /** Origins whose HTTP/2-only failure was said already. */
    private final Set<String> http2OnlySaid = ConcurrentHashMap.newKeySet();
    /** The job's proxies, for -v's line per URL. */
    private Proxies proxies = Proxies.NONE;
    /** A loopback server to warm the transport up against before the clock starts (compare), or null. */
    private URI warmUpServer;
    private int warmUpRequests;
    /** Run by compare: the event loop's TLS is the JDK's, as the blocking modes', and made before the clock. */
    private boolean comparing;
    /** compare --protocols: the protocol this run speaks (its label too), else null. */
    private ComparedProtocol protocol;

    JobRun(Mode mode, FetchOptions options, PrintWriter err, Terminal terminal, LoggingOptions logging) {
        this.mode = mode;
        this.options = options;
        this.err = err;
        this.lines = err;
        this.terminal = terminal;
        this.logging = logging;
    }

    /** Warms the transport up with {@code requests} to {@code server} before the clock starts (see {@link ModeWarmUp}). */
    JobRun warmUpAgainst(URI server, int requests) {
        this.warmUpServer = server;
        this.warmUpRequests = requests;
        return this;
    }

    /**
     * Sets the transport up as compare needs it: the event loop's TLS the JDK's, the one the blocking
     * modes use, so that a comparison over https measures the ways of waiting and not two TLS
     * libraries (BoringSSL costs half the CPU a handshake: README, Performance), and made before the
     * clock starts, as theirs is.
     */
    JobRun forComparison() {
        return forComparison(null);
    }

    /** As {@link #forComparison()}, over {@code over} (HTTP/1.1 alone or HTTP/2, the run labelled by it), or null for the mode's own way. */
    JobRun forComparison(ComparedProtocol over) {
        this.comparing = true;
        this.protocol = over;
        return this;
    }

    /** The run's name in the report, the table and the timeline: its mode, or compare's protocol. */
    private String label() {
        return protocol == null ? mode.label() : protocol.label();
    }

    /** Fetches {@code inputs} into {@code dir}, adding results to {@code report} (may be null). */
    Finished run(List<String> inputs, InputStream stdin, OutputDirectory dir, JsonReport report)
            throws IOException, GeneralSecurityException {
        return run(fetcher -> new UrlSource(inputs, stdin), dir, report);
    }

    /** Where a run's Frontier comes from: a list, or a crawl that fetches its robots.txt with the run's fetcher. */
    @FunctionalInterface
    interface FrontierSource {
        Frontier open(PolicyFetcher fetcher) throws IOException;
    }

    /** Fetches what the frontier {@code frontiers} opens gives into {@code dir}, adding results to {@code report} (may be null). */
    Finished run(FrontierSource frontiers, OutputDirectory dir, JsonReport report) throws IOException, GeneralSecurityException {
        FetchSettings settings = protocol == null ? options.fetchSettings()
                : options.fetchSettings().toBuilder().http2(protocol.http2()).build();
        proxies = settings.proxies();
        if (proxies.any()) {
            log.debug("proxies: {}", proxies);
        }
        OpenFiles.Budget budget = budget();
        int concurrency = budget.concurrency();
        JobSettings jobSettings = new JobSettings(concurrency, options.perHostCap());
        Timeline timeline = new Timeline(label());
        AtomicInteger signalExit = new AtomicInteger();
        ExecutorService executor = mode.blockingExecutor(jobSettings.concurrency());
        JobTotals totals;
        Summary summary;
        try (ExchangeClient client = client(settings, executor, budget)) {
            if (warmUpServer != null && warmUpRequests > 0) {
                long start = System.nanoTime();
                int ok = ModeWarmUp.run(client, settings, jobSettings.concurrency(), warmUpServer, warmUpRequests,
                        Path.of(System.getProperty("java.io.tmpdir")));
                err.println("compare: " + label() + ": warmed up on " + ok + " of " + warmUpRequests
                        + " loopback requests in " + Units.fixed((System.nanoTime() - start) / 1e9, 2) + " s (not timed)");
            }
            // The clock starts once the transport is set up (event loops, native library, TLS
            // context, and for compare warmed up): every mode is timed on its requests alone.
            summary = new Summary(label(), jobSettings.concurrency());
            Downloads saved = new Downloads();
            PolicyFetcher fetcher = new PolicyFetcher(client, settings, dir, saved);
            Job job = new Job(fetcher, jobSettings, JobListener.of(r -> {
                summary.add(r);
                if (comparing && r.attempts() > 0) { // compare draws it; fetch and crawl would keep 10,000 results for nothing
                    timeline.add(r);
                }
                if (report != null) {
                    report.add(r, label());
                }
                logResult(r);
            }, line -> lines.println(line), client::noMoreUrls));
            try (Frontier frontier = frontiers.open(fetcher);
                 Signals signals = Signals.install(code -> {
                     signalExit.compareAndSet(0, code);
                     job.interrupt();
                 });
                 StatusLine status = StatusLine.start(terminal, logging.quiet, logging.verbose.length > 0,
                         new ProgressLine(job, summary, saved, frontier)::render)) {
                lines = status.writer(err);
                totals = job.run(frontier);
                Frontier.Counts counts = frontier.counts();
                if (counts != null) {
                    summary.crawlTotals(new Summary.CrawlTotals(counts.admitted(), counts.queued(), counts.hostsAdmitted()));
                }
            } finally {
                lines = err;
                options.access.saveCookies(settings.cookies(), err); // after a stop too: what the run learnt is kept
            }
            summary.finish();
            if (client instanceof NettyClient) {
                log.debug("event loop: longest stall {} ms", ((NettyClient) client).longestLoopStall().toMillis());
            }
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        return new Finished(summary, totals, timeline, signalExit.get());
    }

    /** With -v: which event loop runs the job and, where it is NIO, why epoll could not (auto falls back silently). */
    private static void logTransport(Transport transport, int loops) {
        if (!log.isDebugEnabled()) {
            return;
        }
        Throwable noEpoll = transport == Transport.NIO ? Transport.EPOLL.unavailabilityCause() : null;
        if (noEpoll == null) {
            log.debug("event loop: {} ({} threads)", transport, loops);
        } else {
            log.debug("event loop: {} ({} threads; epoll unavailable: {})", transport, loops, Errors.describe(noEpoll));
        }
    }

    /**
     * The mode's concurrency for -c, the bodies it saves at once and its idle connections, within
     * the open-file limit (OpenFiles); a concurrency lowered is said.
     */
    private OpenFiles.Budget budget() {
        int requested = mode.concurrency(options.concurrency);
        // HttpURLConnection's idle cache is one setting for the whole JVM, per host: as -c asks, in every blocking mode
        IntUnaryOperator idle = mode == Mode.ASYNC ? NettyClient::maxIdleFor : c -> Math.max(5, options.concurrency);
        long limit = OpenFiles.limit();
        long open = OpenFiles.open();
        OpenFiles.Budget budget = OpenFiles.plan(requested, limit, open, idle, mode == Mode.ASYNC);
        if (budget.concurrency() < requested) {
            err.println("crawler: " + mode.label() + ": -c " + requested + " needs about "
                    + OpenFiles.needs(requested, OpenFiles.IDLE_MIN, open) + " open files, and this process may open "
                    + limit + " (ulimit -n): " + budget.concurrency() + " requests in flight at most");
        }
        return budget;
    }

    private ExchangeClient client(FetchSettings settings, ExecutorService executor, OpenFiles.Budget budget)
            throws IOException, GeneralSecurityException {
        int concurrency = budget.concurrency();
        if (settings.compressed() && log.isDebugEnabled()) {
            log.debug("content codings: {} (those that decode here)", Codings.acceptEncoding());
        }
        if (mode == Mode.ASYNC) {
            Transport transport = options.transport;
            // fetch builds its TLS context at the first https URL; compare before the clock starts,
            // as the blocking modes build theirs.
            // compare speaks HTTP/1.1 in every mode, as the blocking modes can speak no other, unless
            // it compares protocols
            boolean offerH2 = settings.http2() != Http2Use.NEVER && (!comparing || protocol != null);
            ClientTls tls = options.caCert != null || comparing
                    ? ClientTls.ready(settings.insecure(), options.caCert,
                            comparing ? ClientTls.Engine.JDK : ClientTls.Engine.FASTEST, offerH2)
                    : ClientTls.onDemand(settings.insecure(), offerH2);
            int loops = Runtime.getRuntime().availableProcessors();
            logTransport(transport, loops);
            int files = budget.files() < concurrency ? budget.files() : Integer.MAX_VALUE;
            if (files != Integer.MAX_VALUE) {
                log.debug("open files: {} bodies saved at once at most, of {} requests in flight", files, concurrency);
            }
            return new NettyClient(ClientSettings.of(transport, settings, tls, loops).withMaxIdle(budget.idle())
                    .withMaxLookups(NettyClient.lookupsFor(concurrency)).withMaxFiles(files));
        }
        return new BlockingClient(settings, BlockingTls.socketFactory(settings.insecure(), options.caCert),
                executor, budget.idle());
    }

    private void logResult(Result r) {
        if (r.reason() == Reason.HTTP2_ONLY && !http2OnlySaid.add(Urls.origin(URI.create(r.finalUrl())))) {
            return; // one line per server, not one per URL of it: the report and the summary count them all
        }
        if (r.outcome() == Outcome.FAILED && r.reason() != Reason.BAD_INPUT) { // input errors are told as they are read
            lines.println(r.url() + ": " + r.error() + (r.reason() == Reason.HTTP2_ONLY ? " (said once for this server)" : ""));
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} {} {} bytes {} ms -> {}{}{}", r.outcome().word(), r.status(), r.url(), r.bytes(), r.totalMs(), r.file(),
                    r.protocol() == Protocol.H2 ? " over h2" : "", throughProxy(r));
        }
    }

    /** " through the proxy P" for a URL that went through one, else nothing. */
    private String throughProxy(Result r) {
        if (!proxies.any() || r.finalUrl() == null) {
            return "";
        }
        try {
            Proxy proxy = proxies.forUri(URI.create(r.finalUrl()));
            return proxy == null ? "" : " through the proxy " + proxy;
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }
}
