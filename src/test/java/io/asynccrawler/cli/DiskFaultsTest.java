package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.server.DeterministicBytes;
import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file system pushing back, in a real process: a file-size limit (ulimit -f), a full disk (a
 * small tmpfs in a private mount namespace), and the umask. A write that fails is that URL's
 * write_error; the others go on; no part file is left behind.
 */
class DiskFaultsTest extends FetchTestBase {
    /** Runs {@code PREFIX bash -c 'SETUP; "$@"' crawler fetch -q ARGS} with {@code env}; returns the exit code. */
    private int run(List<String> prefix, String setup, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("bash", "-c", setup + "; \"$@\"", "bash"));
        List<String> fetch = new ArrayList<>(List.of("fetch", "-q"));
        fetch.addAll(args);
        command.addAll(CrawlerProcess.command(List.of(), fetch));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    private String small(int seed) {
        return base + "/bytes/1000?seed=" + seed;
    }

    @Test
    void aFileSizeLimitFailsOnlyTheLargeFile() throws Exception {
        String big = base + "/bytes/600000?seed=3";
        int exit = run(List.of(), "ulimit -f 256", Map.of(), List.of("-c", "1", "--retries", "0", "-o", out().toString(),
                "--report", report().toString(), list(small(1) + " a.bin", big + " big.bin", small(2) + " b.bin").toString()));
        assertThat(exit).as(Files.readString(tmp.resolve("stderr.txt"))).isEqualTo(1);
        assertOutcome(results().get(big), "failed", "write_error", "File too large");
        assertThat(Tree.files(out())).containsExactly("a.bin", "b.bin");
        assertThat(Files.readAllBytes(out().resolve("b.bin"))).isEqualTo(DeterministicBytes.bytes(2, 0, 1000));
    }

    @Test
    void aFullDiskFailsOnlyTheFileThatDoesNotFitAndLeavesNoPartFile() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        Path listing = tmp.resolve("listing.txt");
        // A private mount namespace: the tmpfs goes away with the process, whatever happens.
        String setup = "mount -t tmpfs -o size=512k tmpfs \"$DISK\" || exit 99; trap 'find \"$DISK\" -type f > \"$LISTING\"' EXIT";
        List<String> unshare = List.of("unshare", "-m", "--propagation", "private");
        Assumptions.assumeTrue(canMountTmpfs(unshare), "needs unshare and mount (root, or a user namespace)");
        String big = base + "/bytes/2000000?seed=3";
        List<String> args = new ArrayList<>(List.of("-c", "1", "--retries", "0", "-o", disk.toString(),
                "--report", report().toString(), list(small(1) + " a.bin", big + " big.bin", small(2) + " b.bin").toString()));
        int exit = run(unshare, setup, Map.of("DISK", disk.toString(), "LISTING", listing.toString()), args);
        assertThat(exit).as(Files.readString(tmp.resolve("stderr.txt"))).isEqualTo(1);
        assertOutcome(results().get(big), "failed", "write_error", "No space left on device");
        assertOutcome(results().get(small(2)), "ok", null, null);
        assertThat(Files.readAllLines(listing)).containsExactlyInAnyOrder(disk.resolve("a.bin").toString(), disk.resolve("b.bin").toString());
        assertThat(Tree.files(disk)).as("the tmpfs is gone with its namespace").isEmpty();
    }

    private boolean canMountTmpfs(List<String> unshare) throws IOException, InterruptedException {
        Path probe = Files.createDirectories(tmp.resolve("probe"));
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("probe.txt").toFile()).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @ParameterizedTest
    @CsvSource({"022, rw-r--r--", "077, rw-------", "002, rw-rw-r--"})
    void finishedFilesGetTheModeTheUmaskGives(String umask, String mode) throws Exception {
        int exit = run(List.of(), "umask " + umask, Map.of(), List.of("-o", out().toString(), "--resume",
                "--read-timeout", "1s", "--retries", "0",
                list(small(1) + " a.bin", base + "/bytes/600000?seed=3&stall_at=1000 part.bin").toString()));
        assertThat(exit).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("a.bin")))).isEqualTo(mode);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("part.bin.part"))))
                .as("a part file is the owner's alone while it is incomplete").isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("part.bin.part.meta"))))
                .isEqualTo("rw-------");
    }
}
