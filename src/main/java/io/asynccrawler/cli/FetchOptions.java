package io.asynccrawler.cli;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.Header;
import io.asynccrawler.fetch.HostPacing;
import io.asynccrawler.fetch.Http2Use;
import io.asynccrawler.job.JobSettings;
import io.asynccrawler.job.Printable;
import io.asynccrawler.transport.Transport;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code fetch} and {@code compare} (DESIGN §1): where files go and how URLs are fetched. */
final class FetchOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Option defaults as a properties file, one 'long-name=value' a line (default: "
                    + "~/.config/crawler/crawler.properties if present). Precedence: flag > CRAWLER_<NAME> "
                    + "environment variable > file > built-in.")
    Path config;

    @Option(names = {"-o", "-P", "--output-dir"}, paramLabel = "DIR", defaultValue = "downloads",
            description = "Where files go; created if missing (-P as wget's; default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = {"-i", "--input-file"}, paramLabel = "FILE",
            description = "A file of URLs, as wget's and aria2's -i; repeatable, read after the URL|FILE arguments ('-' = stdin).")
    List<String> inputFiles = new ArrayList<>();

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "64", description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "0",
            description = "Requests in flight per host at most; 0 = no extra cap (default: ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "TCP and TLS connect limit (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest silence while waiting for bytes (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = {"-m", "--timeout"}, paramLabel = "D", converter = DurationConverter.class,
            description = "Whole-request deadline per attempt, like curl's -m (default: none).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
            description = "Retries of transient failures (connect errors, timeouts, 408/429/5xx), with backoff;"
                    + " Retry-After is honoured (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "10",
            description = "Redirects followed at most (default: ${DEFAULT-VALUE}).")
    int maxRedirects;

    @Option(names = {"-H", "--header"}, paramLabel = "'K: V'",
            description = "Extra request header, repeatable; never sent to another origin after a redirect (default: none).")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-A", "--user-agent"}, paramLabel = "S", description = "User-Agent (default: async-crawler/VERSION).")
    String userAgent;

    @Option(names = "--max-size", paramLabel = "BYTES", converter = SizeConverter.class, defaultValue = "-1",
            description = "Abort a download that grows past this size after decoding (k, M, G suffixes; default: none).")
    long maxSize;

    @Option(names = {"-N", "--timestamping"},
            description = "Ask for a file already saved again, only if it changed (If-Modified-Since, If-None-Match), and give saved files"
                    + " the server's Last-Modified, as wget (default: off).")
    boolean timestamping;

    @Option(names = "--limit-rate", paramLabel = "RATE", converter = SizeConverter.class, defaultValue = "0",
            description = "Receive at most RATE bytes per second, the whole job together (k, M, G suffixes; default: no limit).")
    long limitRate;

    @Option(names = "--http1.1", description = "Speak HTTP/1.1 only: TLS offers http/1.1 alone by ALPN (default: h2 over TLS where the"
            + " server picks it, async mode; the other modes speak HTTP/1.1).")
    boolean http11;

    @Option(names = "--http2-prior-knowledge", description = "Speak HTTP/2 (h2c) to plain http:// servers from the first byte,"
            + " without asking, as curl (async mode; default: off).")
    boolean http2PriorKnowledge;

    @Option(names = "--resume", description = "Keep the .part file of a failed or interrupted download and continue it "
            + "with a Range request, checked with If-Range (ETag or Last-Modified); implies --no-compressed (default: off).")
    boolean resume;

    @Option(names = "--overwrite", description = "Download files that already exist again (default: off, they are skipped).")
    boolean overwrite;

    @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate (default: off).")
    boolean insecure;

    @Option(names = "--allow-downgrade", description = "Follow redirects from https to http (default: off, they fail as insecure_redirect).")
    boolean allowDowngrade;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust the PEM certificates in FILE (default: the JDK's trust store).")
    Path caCert;

    @Mixin
    AccessOptions access;

    @Mixin
    PacingOptions pacing;

    /** Set by a crawl: its frontier spaces each host's requests (and keeps robots.txt's Crawl-delay), so the fetches do not. */
    boolean frontierPacesHosts;

    @Option(names = "--compressed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Ask for gzip/deflate and save the decoded bytes (default: on).")
    boolean compressed;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report to FILE, '-' for stdout (default: none).")
    String report;

    @Option(names = "--transport", paramLabel = "T", defaultValue = "auto", converter = TransportConverter.class,
            completionCandidates = TransportConverter.Names.class,
            description = "Event loop transport: auto, epoll, io_uring or nio (default: ${DEFAULT-VALUE}).")
    Transport transport;

    /** The arguments' URLs and files, then those of -i: what the job reads, in order. */
    List<String> inputs(List<String> arguments) {
        if (inputFiles.isEmpty()) {
            return arguments;
        }
        List<String> all = new ArrayList<>(arguments);
        all.addAll(inputFiles);
        return all;
    }

    /** What is wrong with these options and {@code inputs}, in one line, or null when nothing is. */
    String problem(List<String> inputs) {
        try {
            fetchSettings();
            jobSettings();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (inputs.isEmpty()) {
            return "no URL or FILE given ('-' reads stdin)";
        }
        if (caCert != null && !(Files.isRegularFile(caCert) && Files.isReadable(caCert))) {
            return "cannot read --cacert " + caCert + (Files.isDirectory(caCert) ? ": it is a directory"
                    : Files.exists(caCert) ? ": permission denied" : ": no such file");
        }
        return null;
    }

    /**
     * An input that is neither a URL, nor {@code -}, nor a readable file: a typo or a missing list
     * is the user's mistake, said in one line before anything starts (exit 2), rather than a bad
     * line among results. (A file that goes away once this has looked is still a bad line.) Said
     * without the usage hint: the options were right.
     */
    static String unreadableInput(List<String> inputs) {
        for (String input : inputs) {
            if (input.equals("-") || input.contains("://")) {
                continue;
            }
            Path path;
            try {
                path = Path.of(input);
            } catch (InvalidPathException e) {
                return "not a URL, nor a file name: " + Printable.of(input);
            }
            if (Files.isDirectory(path)) {
                return Printable.of(input) + " is a directory, not a list of URLs";
            }
            if (!Files.exists(path)) {
                return "no such file, and not a URL: " + Printable.of(input);
            }
            if (!Files.isReadable(path)) {
                return "cannot read " + Printable.of(input) + ": permission denied";
            }
        }
        return null;
    }

    /** The usage error for a TLS set-up that failed: most often a --cacert file without certificates. */
    String cannotSetUpTls(Exception e) {
        return "cannot set up TLS" + (caCert == null ? "" : " with --cacert " + caCert) + ": " + Errors.describe(e);
    }

    /** The settings, or an IllegalArgumentException naming the bad option. */
    FetchSettings fetchSettings() {
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must not be negative: " + retries);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("--max-redirects must not be negative: " + maxRedirects);
        }
        if (limitRate < 0) {
            throw new IllegalArgumentException("--limit-rate must not be negative: " + limitRate);
        }
        if (http11 && http2PriorKnowledge) {
            throw new IllegalArgumentException("--http1.1 and --http2-prior-knowledge contradict each other: give one");
        }
        positive("--connect-timeout", connectTimeout);
        positive("--read-timeout", readTimeout);
        if (timeout != null) {
            positive("--timeout", timeout);
        }
        List<Header> parsed = new ArrayList<>();
        for (String h : headers) {
            parsed.add(Header.parse(h));
        }
        String agent = userAgent != null ? userAgent : "async-crawler/" + VersionProvider.version();
        try {
            Header.checkValue("User-Agent", agent);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--user-agent holds a line break or control character");
        }
        return FetchSettings.builder(agent).connectTimeout(connectTimeout).readTimeout(readTimeout).timeout(timeout)
                .retries(retries).maxRedirects(maxRedirects).headers(parsed).maxSize(maxSize).limitRate(limitRate)
                .timestamping(timestamping).overwrite(overwrite).http2(http2Use())
                .insecure(insecure).allowDowngrade(allowDowngrade).compressed(compressed && !resume).resume(resume)
                .proxies(access.proxies()).credentials(access.credentials()).cookies(access.cookies(), access.cookieLine())
                .pacing(frontierPacesHosts ? HostPacing.NONE : pacing.pacing()).build();
    }

    private Http2Use http2Use() {
        return http11 ? Http2Use.NEVER : http2PriorKnowledge ? Http2Use.PRIOR_KNOWLEDGE : Http2Use.NEGOTIATED;
    }

    /**
     * Requests in flight per host: --per-host, or with --wait and no --per-host one at a time, as wget
     * waits between retrievals (a crawl's frontier keeps its own cap); 0 for no cap.
     */
    int perHostCap() {
        if (perHost > 0 || frontierPacesHosts || pacing.waitBetween.isZero()) {
            return perHost;
        }
        return 1;
    }

    JobSettings jobSettings() {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1: " + concurrency);
        }
        if (perHost < 0) {
            throw new IllegalArgumentException("--per-host must not be negative: " + perHost);
        }
        return new JobSettings(concurrency, perHostCap());
    }

    private static void positive(String name, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be longer than zero");
        }
    }
}
