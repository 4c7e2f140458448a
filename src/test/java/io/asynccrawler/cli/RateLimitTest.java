package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asynccrawler.testing.LocalServers;
import io.asynccrawler.testing.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits measured by the server: Debian's nginx logs when each request began ({@code $msec}
 * less {@code $request_time}), so the test neither sleeps nor times itself.
 */
class RateLimitTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;
    private Path site;

    @BeforeEach
    void site() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx-light)");
        site = Files.createDirectories(tmp.resolve("site"));
        Random random = new Random(3);
        List<Path> files = new ArrayList<>(List.of(tmp, site));
        for (int i = 0; i < 8; i++) {
            byte[] bytes = new byte[MIB];
            random.nextBytes(bytes);
            files.add(Files.write(site.resolve("part" + i), bytes));
        }
        files.add(Files.writeString(site.resolve("end"), "end"));
        LocalServers.readableByAll(files.toArray(Path[]::new));
    }

    String mode() {
        return "async";
    }

    private Nginx nginx() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("nginx"));
        return Nginx.serve(site, work, "log_format starts '$msec $request_time $host $request_uri'; access_log "
                + work.resolve("starts.log") + " starts;");
    }

    /** When each request began, in seconds, by the server's clock, in log order: "host uri" to start. */
    private static List<double[]> starts(Path log, List<String> keys, int lines) throws Exception {
        List<double[]> starts = new ArrayList<>();
        for (String line : awaitLines(log, lines)) {
            String[] f = line.split(" ");
            keys.add(f[2] + " " + f[3]);
            starts.add(new double[] {Double.parseDouble(f[0]) - Double.parseDouble(f[1])});
        }
        return starts;
    }

    /**
     * The log's lines once it has {@code count} (5 s at most): nginx writes a request's line after
     * its response went out, so the client may have read the last response before its line is there.
     */
    private static List<String> awaitLines(Path log, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // Woken by the file system when nginx writes (inotify), not by a clock: no sleep.
        try (WatchService watch = log.getFileSystem().newWatchService()) {
            log.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY);
            List<String> lines = Files.readAllLines(log);
            while (lines.size() < count) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watch.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    return Files.readAllLines(log); // 5 s without the line: the assertion says what is missing
                }
                key.pollEvents();
                key.reset();
                lines = Files.readAllLines(log);
            }
            return lines;
        }
    }

    /** --wait and --rate space one host's request starts, each host on its own: the other's requests do not wait for it. */
    @Test
    void waitAndRateSpaceOneHostsRequestsNotAnothers() throws Exception {
        try (Nginx nginx = nginx()) {
            int port = nginx.base().getPort();
            for (List<String> pacing : List.of(List.of("--wait", "200ms"), List.of("--rate", "5/s"))) {
                int before = Files.readAllLines(tmp.resolve("nginx/starts.log")).size(); // nginx keeps its log open: read on
                List<String> args = new ArrayList<>(List.of("fetch", "-q", "--mode", mode(), "-c", "8", "--overwrite",
                        "-o", tmp.resolve("out").toString()));
                args.addAll(pacing);
                for (int i = 0; i < 4; i++) {
                    args.add("http://127.0.0.1:" + port + "/end?" + i);
                    args.add("http://localhost:" + port + "/end?" + i);
                }
                Cli cli = Cli.run(args.toArray(String[]::new));
                assertThat(cli.exitCode).as(cli.err).isZero();

                List<String> keys = new ArrayList<>();
                List<double[]> starts = starts(tmp.resolve("nginx/starts.log"), keys, before + 8);
                keys = keys.subList(before, keys.size());
                starts = starts.subList(before, starts.size());
                assertThat(keys).hasSize(8);
                List<Double> local = new ArrayList<>();
                List<Double> named = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    (keys.get(i).startsWith("127.0.0.1") ? local : named).add(starts.get(i)[0]);
                }
                local.sort(null);
                named.sort(null);
                for (List<Double> host : List.of(local, named)) {
                    if (pacing.get(0).equals("--wait")) { // each request a wait after the last one ended
                        for (int i = 1; i < host.size(); i++) {
                            assertThat(host.get(i) - host.get(i - 1)).as(pacing + ": one host's starts " + host).isGreaterThan(0.19);
                        }
                    } else { // requests a second, counted from the first: the first may be late (a new connection)
                        assertThat(host.get(host.size() - 1) - host.get(0)).as(pacing + ": one host's starts " + host)
                                .isGreaterThan(0.19 * (host.size() - 1));
                    }
                }
                assertThat(Math.abs(named.get(0) - local.get(0))).as(pacing + ": the other host does not wait").isLessThan(0.15);
            }
        }
    }

    @Test
    void limitRateOneMegabyteTakesEightMebibytesAboutEightSeconds() throws Exception {
        try (Nginx nginx = nginx()) {
            List<String> args = new ArrayList<>(List.of("fetch", "-q", "--mode", mode(), "-c", "1", "--limit-rate", "1M",
                    "-o", tmp.resolve("out").toString()));
            for (int i = 0; i < 8; i++) {
                args.add(nginx.base().resolve("part" + i).toString());
            }
            args.add(nginx.base().resolve("end").toString()); // asked for once the 8 MiB are in: its start ends the clock
            Cli cli = Cli.run(args.toArray(String[]::new));

            assertThat(cli.exitCode).as(cli.err).isZero();
            List<String> keys = new ArrayList<>();
            List<double[]> starts = starts(tmp.resolve("nginx/starts.log"), keys, 9);
            assertThat(keys).hasSize(9).last().asString().endsWith("/end");
            double seconds = starts.get(8)[0] - starts.get(0)[0];
            assertThat(seconds).as("8 MiB at 1 MiB/s").isBetween(8 * 0.8, 8 * 1.2);
            for (int i = 0; i < 8; i++) {
                assertThat(Files.mismatch(tmp.resolve("out/127.0.0.1_" + nginx.base().getPort() + "/part" + i), site.resolve("part" + i)))
                        .isEqualTo(-1L);
            }
        }
    }
}
