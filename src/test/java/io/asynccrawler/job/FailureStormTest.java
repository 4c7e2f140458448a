package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.PolicyFetcher;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.netty.ClientSettings;
import io.asynccrawler.fetch.netty.ClientTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.testing.Tree;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 10,000 URLs, nine in ten failing in every way a server can fail: afterwards every permit is back,
 * every file descriptor is closed, no file but the good ones exists (and the leak detector, at
 * paranoid, finds no buffer left unreleased: see NoLeaksExtension). On each event loop transport
 * this machine can run (epoll, io_uring, NIO).
 */
class FailureStormTest {
    private static final int URLS = 10_000;
    private static final int CONCURRENCY = 64;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyPermitAndFileDescriptorComesBackAfterAFailureStorm(Transport transport) throws Exception {
        assumeTrue(transport.isAvailable(), () -> transport + ": " + transport.unavailabilityCause());
        storm(200, transport); // classes loaded, jars opened: what stays open from here on is the baseline
        long baseline = openFileDescriptors();
        Map<String, Integer> reasons = storm(URLS, transport);

        Map<String, Integer> expected = new TreeMap<>(Map.of("connect_refused", 3000, "connection_reset", 2000,
                "closed", 1000, "http_503", 1000, "truncated", 1000, "bad_response", 1000, "read_timeout", 100, "ok", 900));
        assertThat(reasons).isEqualTo(expected);
        // The client and the scripted server are closed by now (each closes its sockets before close() returns).
        assertThat(openFileDescriptors()).as("open file descriptors after the storm (before: " + baseline + ")")
                .isLessThanOrEqualTo(baseline);
    }

    /** Runs {@code n} URLs of the storm's mix; returns how many ended with each reason ("ok" for success). */
    private Map<String, Integer> storm(int n, Transport transport) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out-" + n));
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        int refusedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            refusedPort = s.getLocalPort();
        }
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("/reset", Script.resetNow())
                    .on("/hangup", Script.hangUp())
                    .on("/busy", Script.reply("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"))
                    .on("/short", Script.reply("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234").close())
                    .on("/garbage", Script.reply("HTTX/1.1 2OO OK\r\n\r\n").close())
                    .on("/silent", Script.silence())
                    .otherwise(Script.reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
            Path list = tmp.resolve("storm-" + n + ".txt");
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                urls.add(url(i, server.base(), "http://127.0.0.1:" + refusedPort));
            }
            Files.write(list, urls);
            FetchSettings settings = FetchSettings.builder("storm").connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofMillis(300)).retries(0).build();
            Job job;
            try (NettyClient client = new NettyClient(ClientSettings.of(transport, settings, ClientTls.onDemand(false), 2));
                 UrlSource source = new UrlSource(List.of(list.toString()), InputStream.nullInputStream())) {
                job = new Job(new PolicyFetcher(client, settings, OutputDirectory.open(out)), new JobSettings(CONCURRENCY, 0),
                        JobListener.of(r -> counts.computeIfAbsent(reason(r), k -> new AtomicInteger()).incrementAndGet(),
                                line -> { }, client::noMoreUrls));
                JobTotals totals = job.run(source);
                assertThat(totals.targets()).isEqualTo(n);
            }
            assertThat(job.idlePermits()).as("permits back").isEqualTo(CONCURRENCY);
        }
        assertThat(Tree.files(out)).hasSize(counts.getOrDefault("ok", new AtomicInteger()).get())
                .allMatch(f -> f.contains("/ok@"), "only the good URLs' files");
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    private static String url(int i, String server, String refused) {
        switch (i % 10) {
            case 0: case 1: case 2: return refused + "/x" + i;
            case 3: case 4: return server + "/reset?" + i;
            case 5: return server + "/hangup?" + i;
            case 6: return server + "/busy?" + i;
            case 7: return server + "/short?" + i;
            case 8: return server + "/garbage?" + i;
            default: return i % 100 == 9 ? server + "/silent?" + i : server + "/ok?" + i;
        }
    }

    private static String reason(Result r) {
        return r.reason() == null ? r.outcome().word() : r.reasonWord();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
