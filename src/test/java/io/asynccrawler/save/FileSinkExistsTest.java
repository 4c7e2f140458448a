package io.asynccrawler.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a finished file is already there (the skip of fetch without --overwrite). */
class FileSinkExistsTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryEmptyAtOpenNeedsNoLook() throws Exception {
        OutputDirectory dir = OutputDirectory.open(tmp.resolve("fresh"));
        assertThat(dir.startedEmpty()).isTrue();
        assertThat(Files.list(dir.root())).as("the write probe is gone").isEmpty();
        assertThat(FileSink.exists(dir, Path.of("a.bin"))).isFalse();
    }

    @Test
    void inADirectoryWithFilesOnlyARegularFileCounts() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(root.resolve("done.bin"), "x");
        Files.createDirectory(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("link.bin"), root.resolve("done.bin"));
        Files.createSymbolicLink(root.resolve("dangling.bin"), root.resolve("nowhere"));
        OutputDirectory dir = OutputDirectory.open(root);
        assertThat(dir.startedEmpty()).isFalse();
        assertThat(FileSink.exists(dir, Path.of("done.bin"))).isTrue();
        assertThat(FileSink.exists(dir, Path.of("missing.bin"))).isFalse();
        assertThat(FileSink.exists(dir, Path.of("sub"))).as("a directory").isFalse();
        assertThat(FileSink.exists(dir, Path.of("link.bin"))).as("a symlink to a file").isFalse();
        assertThat(FileSink.exists(dir, Path.of("dangling.bin"))).isFalse();
        assertThat(FileSink.exists(dir, Path.of("sub", "missing.bin"))).isFalse();
    }

    @Test
    void aFileFinishedEarlierInTheSameDirectoryIsSeenOnTheNextRun() throws Exception {
        OutputDirectory first = OutputDirectory.open(tmp.resolve("runs"));
        try (FileSink sink = FileSink.open(first, Path.of("a", "b.bin"))) {
            sink.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2}));
            sink.commit();
        }
        OutputDirectory second = OutputDirectory.open(tmp.resolve("runs"));
        assertThat(second.startedEmpty()).isFalse();
        assertThat(FileSink.exists(second, Path.of("a", "b.bin"))).isTrue();
    }
}
