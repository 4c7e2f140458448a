package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.asynccrawler.transport.Transport;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The logging set-up in code (LogConfigurator): the line format, and that a real start uses it. */
class LogConfiguratorTest extends FetchTestBase {
    @Test
    void aLineIsTimeLevelPaddedToFiveAndTheMessage() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.INFO,
                "saved {} bytes", null, new Object[] {42});
        assertThat(LogConfigurator.LineEncoder.format(event)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  saved 42 bytes\\R");
    }

    @Test
    void anAttachedExceptionFollowsWithItsStackTrace() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.asynccrawler.x"), Level.ERROR,
                "write failed", new IllegalStateException("disk gone"), null);
        String text = LogConfigurator.LineEncoder.format(event);
        assertThat(text).startsWith(text.substring(0, 12) + " ERROR write failed" + System.lineSeparator());
        assertThat(text).contains("java.lang.IllegalStateException: disk gone").contains("at io.asynccrawler.cli.LogConfiguratorTest");
    }

    @Test
    void aCommandWithoutLogbackTestXmlLogsInThatFormat() throws Exception {
        String output = fetchVerboseAsUsersRunIt(List.of());
        assertThat(output.lines()).as(output)
                .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG ok 200 " + Pattern.quote(base) + "/bytes/10\\?seed=3 10 bytes .*"));
        assertThat(output).as("SLF4J found its provider without a word").doesNotContain("SLF4J");
    }

    @Test
    void verboseNamesTheEventLoopAndWhyItIsNotEpoll() throws Exception {
        String expected = Transport.EPOLL.isAvailable() ? "epoll" : "nio";
        assertThat(fetchVerboseAsUsersRunIt(List.of()).lines())
                .anyMatch(l -> l.matches(".* DEBUG event loop: " + expected + " \\(\\d+ threads\\)"));
        // Where the native library cannot load (a noexec /tmp, another platform) auto runs NIO, and says why.
        assertThat(fetchVerboseAsUsersRunIt(List.of("-Dio.netty.transport.noNative=true")).lines())
                .anyMatch(l -> l.matches(".* DEBUG event loop: nio \\(\\d+ threads; epoll unavailable: .*noNative.*\\)"));
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
    private String fetchVerboseAsUsersRunIt(List<String> jvmArgs) throws Exception {
        List<String> command = CrawlerProcess.commandAsUsersRunIt(jvmArgs, List.of("fetch", "-v", "--retries", "0",
                "-o", out().toString(), base + "/bytes/10?seed=3"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
