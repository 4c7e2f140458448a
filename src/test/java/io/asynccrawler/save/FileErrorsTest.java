package io.asynccrawler.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void saysWhatWentWrongWhereTheJdkGivesOnlyThePath() {
        assertThat(new AccessDeniedException("/x").getMessage()).isEqualTo("/x");
        assertThat(FileErrors.describe(new AccessDeniedException("/x"))).isEqualTo("/x: permission denied");
        assertThat(FileErrors.describe(new NoSuchFileException("/a", "/b", null))).isEqualTo("/a: no such file or directory (/b)");
    }

    @Test
    void keepsAReasonOrAMessageThatIsThere() {
        assertThat(FileErrors.describe(new FileSystemException("/x", null, "Read-only file system"))).isEqualTo("/x: Read-only file system");
        assertThat(FileErrors.describe(new IOException("No space left on device"))).isEqualTo("No space left on device");
        assertThat(FileErrors.describe(new IOException())).isEqualTo("IOException");
    }
}
