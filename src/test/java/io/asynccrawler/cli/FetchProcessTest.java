package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.cli.process.Signals;
import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code crawler fetch} as a real process: signals, and memory on a long list. */
class FetchProcessTest extends FetchTestBase {
    /** What the child process has written to its standard error so far, for a failed assertion's words. */
    private String childErr() {
        try {
            return "; the process's stderr: " + Files.readString(tmp.resolve("stderr.txt"));
        } catch (IOException e) {
            return "; no stderr: " + e;
        }
    }

    private Process start(List<String> jvmArgs, String... args) throws IOException {
        return new ProcessBuilder(CrawlerProcess.command(jvmArgs, List.of(args)))
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
    }

    private void interruptedMidDownload(String signal, int expectedExit) throws Exception {
        interruptedMidDownload(signal, expectedExit, "async", 4);
    }

    private void interruptedMidDownload(String signal, int expectedExit, String mode, int inFlight) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add(base + "/drip?bytes=100&ms=100&n=" + i);
        }
        server.connections().resetPeak();
        int openBefore = server.connections().open();
        Process p = start(List.of(), "fetch", "--mode", mode, "-c", "4", "-o", out().toString(), "--report", report().toString(),
                list(urls.toArray(String[]::new)).toString());
        try {
            assertThat(server.connections().awaitOpen(openBefore + inFlight, Duration.ofSeconds(20)))
                    .as(() -> "downloads started" + childErr()).isTrue();
            long sent = System.nanoTime();
            CrawlerProcess.signal(p, signal);
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as(() -> "exits within 5 s" + childErr()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isEqualTo(expectedExit);
        } finally {
            p.destroyForcibly();
        }
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        int cancelled = report.get("summary").get("cancelled").asInt();
        assertThat(cancelled).as("those in flight or waiting; the list's rest was never read").isPositive()
                .isEqualTo(report.get("results").size());
        assertThat(report.get("summary").get("failed").asInt()).as("a stop is no URL's failure").isZero();
        for (JsonNode r : report.get("results")) {
            assertThat(r.get("outcome").asText()).isEqualTo("cancelled");
            assertThat(r.get("reason").asText()).isEqualTo("cancelled");
        }
        String err = Files.readString(tmp.resolve("stderr.txt"));
        assertThat(err).as("no line per cancelled URL").doesNotContain("/drip?");
        assertThat(err).contains("  cancelled " + cancelled + " (stopped before they ended; not failures)")
                .contains("  continue  crawler fetch --mode " + mode + " -c 4 -o " + out());
        assertThat(Tree.files(out())).as("no final file, no part file").isEmpty();
    }

    /** Starts a --resume download that stalls at 1,000,000 of 3,000,000 bytes, stops it with {@code signal}, then resumes it. */
    private void stoppedThenResumed(String signal, int expectedExit) throws Exception {
        String url = base + "/bytes/3000000?seed=11&stall_at=1000000";
        Path list = list(url + " big.bin");
        Path part = out().resolve("big.bin.part");
        Process p = start(List.of(), "fetch", "--resume", "-o", out().toString(), "--report", report().toString(), list.toString());
        try {
            for (int i = 0; i < 400 && !(Files.exists(part) && Files.size(part) == 1_000_000); i++) {
                assertThat(p.waitFor(50, TimeUnit.MILLISECONDS)).as("still downloading").isFalse();
            }
            assertThat(Files.size(part)).isEqualTo(1_000_000);
            CrawlerProcess.signal(p, signal);
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as(() -> "exits within 5 s" + childErr()).isTrue();
            assertThat(p.exitValue()).isEqualTo(expectedExit);
        } finally {
            p.destroyForcibly();
        }
        assertThat(Tree.files(out())).containsExactly("big.bin.part", "big.bin.part.meta");
        if (!signal.equals("KILL")) {
            JsonNode report = new ObjectMapper().readTree(report().toFile());
            JsonNode stopped = report.get("results").get(0);
            assertThat(stopped.get("reason").asText()).isEqualTo("cancelled");
            assertThat(stopped.get("file").asText()).isEqualTo("big.bin.part");
            assertThat(stopped.get("bytes").asLong()).isEqualTo(1_000_000);
            assertThat(report.get("summary").get("keptBytes").asLong()).isEqualTo(1_000_000);
            assertThat(Files.readString(tmp.resolve("stderr.txt")))
                    .contains("  kept      976.6 KiB in 1 .part file, for the next run to continue")
                    .contains("  continue  crawler fetch --resume -o " + out());
        }

        Cli resumed = fetch("--resume", list.toString());
        assertThat(resumed.exitCode).as(resumed.err).isZero();
        JsonNode r = results().get(url);
        assertThat(r.get("status").asInt()).as("only the rest was asked for and sent").isEqualTo(206);
        assertThat(r.get("resumedFrom").asLong()).isEqualTo(1_000_000);
        assertThat(Files.readAllBytes(out().resolve("big.bin"))).isEqualTo(DeterministicBytes.bytes(11, 0, 3_000_000));
        assertThat(Tree.files(out())).containsExactly("big.bin");
    }

    @Test
    void aKilledDownloadIsFinishedByResumeFetchingOnlyTheRest() throws Exception {
        stoppedThenResumed("KILL", 137);
    }

    @Test
    void ctrlCWithResumeKeepsThePartFileForTheNextRun() throws Exception {
        stoppedThenResumed("INT", 130);
    }

    @Test
    void ctrlCStopsCleanlyWithExit130AndAReport() throws Exception {
        interruptedMidDownload("INT", 130);
    }

    @Test
    void ctrlCStopsTheBlockingModesWithoutWaitingForTheBlockedRead() throws Exception {
        interruptedMidDownload("INT", 130, "sync", 1);
    }

    @Test
    void sigtermStopsAJobWaitingForStdinThatStaysOpen() throws Exception {
        // tail -f urls.log | crawler fetch -, then kill: the writer lives on and sends nothing more.
        Process p = start(List.of(), "fetch", "-o", out().toString(), "--report", report().toString(), "-");
        try {
            p.getOutputStream().write((base + "/bytes/10?seed=1 first.bin\n").getBytes());
            p.getOutputStream().flush(); // and stdin stays open
            Path first = out().resolve("first.bin");
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Files.exists(first) && System.nanoTime() < until) {
                assertThat(p.waitFor(20, TimeUnit.MILLISECONDS)).as("still reading stdin").isFalse();
            }
            assertThat(first).as("the URL given before the silence is fetched").exists();
            long sent = System.nanoTime();
            CrawlerProcess.signal(p, "TERM");
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as(() -> "exits within 5 s, though stdin is still open" + childErr()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isEqualTo(143);
        } finally {
            p.destroyForcibly();
        }
        JsonNode report = new ObjectMapper().readTree(report().toFile());
        assertThat(report.get("results")).as("one result, and no error for the read the signal ended").hasSize(1);
        assertThat(report.get("results").get(0).get("outcome").asText()).isEqualTo("ok");
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).doesNotContain("cannot read");
    }

    /** Starts a fetch of 2,000 small URLs whose --report goes to stdout, a pipe this test never reads; returns once it is stuck. */
    private Process stuckOnAFullReportPipe() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            urls.add(base + "/bytes/10?n=" + i);
        }
        Path list = list(urls.toArray(String[]::new));
        Process p = new ProcessBuilder(CrawlerProcess.command("fetch", "-q", "-c", "4", "-o", out().toString(), "--report", "-",
                list.toString())).redirectError(tmp.resolve("stderr.txt").toFile()).start();
        // The report fills the pipe (64 KiB, some 150 results), then the job stops starting URLs:
        // wait until the pipe holds (nearly) 64 KiB and the number of files stays the same for
        // half a second, short of 2,000.
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int seen = -1;
        int stableFor = 0;
        while ((stableFor < 10 || p.getInputStream().available() < 60_000) && System.nanoTime() < until) {
            assertThat(p.waitFor(50, TimeUnit.MILLISECONDS)).as("still running").isFalse();
            int now = savedSoFar();
            stableFor = now == seen && now > 0 ? stableFor + 1 : 0; // -1: a listing raced a rename
            seen = now;
        }
        assertThat(p.getInputStream().available()).as("the report pipe is full").isGreaterThanOrEqualTo(60_000);
        assertThat(seen).as("stuck behind the report pipe").isBetween(1, 1999);
        return p;
    }

    /** Files finished so far under /bytes (Tree.files would race with the renames), -1 if a listing failed. */
    private int savedSoFar() {
        Path dir = out().resolve(FetchCommandTest.hostDir()).resolve("bytes");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> !f.getFileName().toString().endsWith(".part")).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Test
    void aStopThatCannotFinishExitsAfterAGracePeriod() throws Exception {
        Process p = stuckOnAFullReportPipe();
        try {
            long sent = System.nanoTime();
            CrawlerProcess.signal(p, "TERM");
            assertThat(p.waitFor(Signals.GRACE.toSeconds() + 3, TimeUnit.SECONDS))
                    .as(() -> "exits though the report cannot be written" + childErr()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Signals.GRACE.minusMillis(100));
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("still stopping after 4 s");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aSecondSignalExitsAtOnce() throws Exception {
        Process p = stuckOnAFullReportPipe();
        try {
            CrawlerProcess.signal(p, "INT");
            assertThat(p.waitFor(300, TimeUnit.MILLISECONDS)).as("the first signal cannot finish the stop").isFalse();
            long sent = System.nanoTime();
            CrawlerProcess.signal(p, "INT");
            assertThat(p.waitFor(Signals.GRACE.toSeconds() + 3, TimeUnit.SECONDS)).as(() -> "exits" + childErr()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("well before the grace period ends").isLessThan(Signals.GRACE.minusSeconds(1));
            assertThat(p.exitValue()).isEqualTo(130);
            assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("second signal");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigtermStopsCleanlyWithExit143() throws Exception {
        interruptedMidDownload("TERM", 143);
    }

    @Test
    void aHundredThousandUrlsFitInA128MegabyteHeap() throws Exception {
        Path list = tmp.resolve("100k.txt");
        try (var w = Files.newBufferedWriter(list)) {
            for (int i = 0; i < 100_000; i++) {
                w.write(base + "/bytes/10?seed=" + i + "\n");
            }
        }
        Process p = start(List.of("-Xmx128m"), "fetch", "-q", "-c", "64", "-o", out().toString(), list.toString());
        try {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finishes").isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).as("-q: nothing said when all went well").isEmpty();
        try (var files = Files.list(out().resolve(FetchCommandTest.hostDir() + "/bytes"))) {
            assertThat(files.count()).isEqualTo(100_000);
        }
    }
}
