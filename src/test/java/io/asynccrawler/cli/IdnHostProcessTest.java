package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An internationalized host name is looked up and sent in its IDNA form ({@code bücher.test} is
 * {@code xn--bcher-kva.test}), as curl and wget do. A real process, so that the JDK reads a hosts
 * file of the test's own (jdk.net.hosts.file) that maps that name to the loopback server.
 */
class IdnHostProcessTest extends FetchTestBase {
    @ParameterizedTest
    @ValueSource(strings = {"async", "threads"})
    void anIdnHostConnectsByItsAsciiName(String mode) throws Exception {
        Path hosts = Files.writeString(tmp.resolve("hosts"), "127.0.0.1 xn--bcher-kva.test\n");
        String port = base.substring(base.lastIndexOf(':') + 1);
        Process p = new ProcessBuilder(CrawlerProcess.command(List.of("-Djdk.net.hosts.file=" + hosts),
                List.of("fetch", "-q", "--mode", mode, "-o", out().toString(), "--report", report().toString(),
                        list("http://b\u00fccher.test:" + port + "/headers h.json").toString())))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output.txt").toFile())
                .start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits").isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("output.txt"))).isZero();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(out().resolve("h.json"))).contains("\"host\": [\"xn--bcher-kva.test:" + port + "\"]");
        assertThat(results()).containsOnlyKeys("http://xn--bcher-kva.test:" + port + "/headers");
    }
}
