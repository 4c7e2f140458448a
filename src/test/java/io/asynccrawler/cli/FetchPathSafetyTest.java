package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.testing.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whatever the URL or the list says, every file lands inside the output directory. */
class FetchPathSafetyTest extends FetchTestBase {
    @Test
    void hostileUrlPathsStayInside() throws Exception {
        String[] urls = {
            base + "/anything/a/../../../../anything/escape1", // dot segments resolve, never above the root
            base + "/anything/%2e%2e/%2e%2e/%2e%2e/tmp/escape2",
            base + "/anything//double//slash",
            base + "/anything/back%5cslash%5c..%5c..%5cescape3",
            base + "/anything/" + "x".repeat(400),
            base + "/anything/ctl%01%1f%7f",
            base + "/anything/CON",
            base + "/anything/nul.txt",
            base + "/anything/rtl%E2%80%AEgpj.exe",
        };
        Cli cli = fetch(list(urls).toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        Set<String> files = Tree.files(out());
        assertThat(files).hasSize(urls.length);
        Path root = out().toRealPath();
        for (String f : files) {
            assertThat(root.resolve(f).toRealPath()).startsWith(root);
            assertThat(f.split("/")).doesNotContain("..", ".").allSatisfy(part -> assertThat(part).isNotEmpty());
            assertThat(f).doesNotContain("\\").doesNotContain("\u202e");
        }
        assertThat(Files.exists(tmp.resolve("escape1"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/escape1"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/escape2"))).isFalse();
    }

    @Test
    void hostileSecondColumnsStayInside() throws Exception {
        Cli cli = fetch(list(base + "/bytes/1?seed=1 ../../outside.bin", base + "/bytes/1?seed=2 /etc/abs.bin").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).containsExactlyInAnyOrder("._/._/outside.bin", "etc/abs.bin");
        assertThat(Files.exists(tmp.resolve("outside.bin"))).isFalse();
    }

    @Test
    void aSymlinkPlantedInTheOutputDirectoryIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("linked"), elsewhere);
        Files.createSymbolicLink(out().resolve("file.bin.part"), elsewhere.resolve("victim"));
        Cli cli = fetch(list(base + "/bytes/8?seed=1 linked/x.bin", base + "/bytes/8?seed=2 file.bin").toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(Tree.files(elsewhere)).isEmpty();
        assertThat(results().get(base + "/bytes/8?seed=1").get("reason").asText()).isEqualTo("write_error");
        assertThat(results().get(base + "/bytes/8?seed=1").get("error").asText()).contains("symbolic link");
        assertThat(Files.isRegularFile(out().resolve("file.bin"))).isTrue();
        assertThat(Files.exists(elsewhere.resolve("victim"))).isFalse();
    }

    @Test
    void namesEndingLikePartFilesNeverMeetAnotherDownloadsPartFile() throws Exception {
        // An earlier run saved URLs whose names end like the part file and meta of "a" ...
        Cli first = fetch(list(base + "/bytes/9 a.part", base + "/bytes/10 a.part.meta").toString());
        assertThat(first.exitCode).as(first.err).isZero();
        // ... so this run's "a", resumable, would take them for its own, delete them, or publish over them.
        Cli second = fetch("--resume", list(base + "/bytes/8 a").toString());
        assertThat(second.exitCode).as(second.err).isZero();
        assertThat(sizes()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 8L, "a.part_", 9L, "a.part.meta_", 10L));
    }

    @Test
    void aDownloadNamedLikeAnotherOnesPartFileInTheSameRunKeepsBoth() throws Exception {
        Cli cli = fetch(list(base + "/bytes/8 b", base + "/bytes/9 b.part", base + "/bytes/10 b.PART",
                base + "/bytes/11 c.part", base + "/bytes/12 c").toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(sizes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("b", 8L, "b.part_", 9L, "b.PART_", 10L, "c.part_", 11L, "c", 12L));
    }

    private Map<String, Long> sizes() throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        for (String f : Tree.files(out())) {
            sizes.put(f, Files.size(out().resolve(f)));
        }
        return sizes;
    }

    @Test
    void finishedFilesGetTheUmaskModeAndNoPartFileRemains() throws Exception {
        Cli cli = fetch(base + "/bytes/10?seed=3");
        assertThat(cli.exitCode).isZero();
        Path saved = out().resolve(FetchCommandTest.hostDir() + "/bytes/10@seed=3");
        Path probe = Files.createFile(tmp.resolve("probe"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)));
        assertThat(Tree.files(out())).noneMatch(f -> f.endsWith(".part"));
    }

    @Test
    void anUnwritableOutputDirectoryStopsTheRunWithExitThree() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli cli = Cli.run("fetch", "-o", file.resolve("sub").toString(), base + "/bytes/1");
        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err).contains("cannot write to output directory").contains("ot a directory");
        // The file itself as the output directory: the JDK says only its name; we say what is wrong.
        cli = Cli.run("fetch", "-o", file.toString(), base + "/bytes/1");
        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.strip()).isEqualTo("fetch: cannot write to output directory " + file + ": " + file + ": not a directory");
    }
}
