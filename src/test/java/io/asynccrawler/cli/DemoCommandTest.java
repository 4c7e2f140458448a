package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheComparisonOfflineAndDrawsThePicture() throws Exception {
        Path svg = tmp.resolve("demo.svg");
        Cli cli = Cli.run("demo", "--slow", "3", "--bodies", "2", "--timeline", svg.toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.out).contains("mode", "speed-up", "sync", "threads", "async");
        assertThat(cli.err).contains("test server at http://127.0.0.1:", "every mode saved the same 5 files");
        assertThat(Files.readString(svg)).contains("<svg", "data-mode=\"sync\"", "data-mode=\"async\"");
    }
}
