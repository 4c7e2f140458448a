package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.asynccrawler.transport.Transport;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The logging set-up in code (LogConfigurator): the line format, and that a real start uses it. */
class LogConfiguratorTest extends FetchTestBase {
    @Test
    void aLineIsTheMessageAloneAndAWarningSaysSo() {
        LoggerContext context = new LoggerContext();
        LoggingEvent info = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.DEBUG,
                "saved {} bytes", null, new Object[] {42});
        assertThat(LogConfigurator.LineEncoder.format(info, false)).isEqualTo("saved 42 bytes" + System.lineSeparator());
        LoggingEvent warning = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.WARN,
                "disk nearly full", null, null);
        assertThat(LogConfigurator.LineEncoder.format(warning, false)).isEqualTo("warning: disk nearly full" + System.lineSeparator());
    }

    @Test
    void withTimestampsALineIsTimeLevelPaddedToFiveAndTheMessage() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.INFO,
                "saved {} bytes", null, new Object[] {42});
        assertThat(LogConfigurator.LineEncoder.format(event, true)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  saved 42 bytes\\R");
    }

    @Test
    void anAttachedExceptionFollowsWithItsStackTrace() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.ERROR,
                "write failed", new IllegalStateException("disk gone"), null);
        String text = LogConfigurator.LineEncoder.format(event, false);
        assertThat(text).startsWith("error: write failed" + System.lineSeparator());
        assertThat(text).contains("java.lang.IllegalStateException: disk gone").contains("at io.asynccrawler.cli.LogConfiguratorTest");
    }

    @Test
    void aCommandWithoutLogbackTestXmlLogsInThatFormat() throws Exception {
        String output = fetchVerboseAsUsersRunIt(List.of());
        assertThat(output.lines()).as(output)
                .anyMatch(l -> l.matches("ok 200 " + Pattern.quote(base) + "/bytes/10\\?seed=3 10 bytes .*"))
                .noneMatch(l -> l.contains("DEBUG") || l.matches("\\d\\d:\\d\\d:.*"));
        assertThat(output).as("SLF4J found its provider without a word").doesNotContain("SLF4J");
        String stamped = fetchVerboseAsUsersRunIt(List.of(), "--timestamps");
        assertThat(stamped.lines()).as(stamped)
                .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG ok 200 " + Pattern.quote(base) + "/bytes/10\\?seed=3 10 bytes .*"));
    }

    /** -vv: each head as curl -v shows it, credentials hidden; none of Netty's own debug lines (its system properties). */
    @Test
    void veryVerboseShowsEachRequestAndResponseHead() throws Exception {
        for (String mode : List.of("async", "sync")) {
            String output = fetchVerboseAsUsersRunIt(List.of(), "-v", "--mode", mode, "-H", "Authorization: Bearer s3cret");
            assertThat(output).as(output)
                    .contains("* " + base + "/bytes/10?seed=3" + System.lineSeparator() + "> GET /bytes/10?seed=3 HTTP/1.1"
                            + System.lineSeparator() + "> Host: " + java.net.URI.create(base).getAuthority())
                    .contains("> Authorization: <redacted>").doesNotContain("s3cret")
                    .containsPattern("(?m)^< HTTP/1.1 200 OK$").containsPattern("(?mi)^< content-length: 10$")
                    .doesNotContain("-Dio.netty");
        }
        String h2 = fetchVerboseAsUsersRunIt(List.of(), "-v", "--http2-prior-knowledge", "-H", "Authorization: Bearer s3cret");
        assertThat(h2).as(h2).contains("> GET /bytes/10?seed=3 HTTP/2" + System.lineSeparator() + "> Host: "
                        + java.net.URI.create(base).getAuthority())
                .contains("> authorization: <redacted>").doesNotContain("s3cret", "DefaultHttp2Headers")
                .containsPattern("(?m)^< HTTP/2 200$").containsPattern("(?mi)^< content-length: 10$");
    }

    @Test
    void verboseNamesTheEventLoopAndWhyItIsNotEpoll() throws Exception {
        String expected = Transport.EPOLL.isAvailable() ? "epoll" : "nio";
        assertThat(fetchVerboseAsUsersRunIt(List.of()).lines())
                .anyMatch(l -> l.matches("event loop: " + expected + " \\(\\d+ threads\\)"));
        // Where the native library cannot load (a noexec /tmp, another platform) auto runs NIO, and says why.
        assertThat(fetchVerboseAsUsersRunIt(List.of("-Dio.netty.transport.noNative=true")).lines())
                .anyMatch(l -> l.matches("event loop: nio \\(\\d+ threads; epoll unavailable: .*noNative.*\\)"));
    }

    @Test
    void aLogbackConfigurationFileStillWins() throws Exception {
        File xml = tmp.resolve("logging.xml").toFile();
        Files.writeString(xml.toPath(), "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<target>System.err</target><encoder><pattern>CUSTOM %level %msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"E\"/></root></configuration>");
        String output = fetchVerboseAsUsersRunIt(List.of("-Dlogback.configurationFile=" + xml));
        assertThat(output.lines()).as(output).anyMatch(l -> l.startsWith("CUSTOM DEBUG ok 200 " + base + "/bytes/10?seed=3"));
    }

    /** Runs {@code crawler fetch -v} in a new JVM as a user would (CrawlerProcess.commandAsUsersRunIt). */
    private String fetchVerboseAsUsersRunIt(List<String> jvmArgs, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("fetch", "-v", "--retries", "0", "--overwrite", "-o", out().toString()));
        args.addAll(List.of(more));
        args.add(base + "/bytes/10?seed=3");
        List<String> command = CrawlerProcess.commandAsUsersRunIt(jvmArgs, args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
