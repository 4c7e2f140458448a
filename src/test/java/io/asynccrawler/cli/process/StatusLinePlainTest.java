package io.asynccrawler.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The progress line without a terminal: with -v a plain {@code progress:} log line at a fixed
 * interval (10 s for users, shortened here), redrawn nowhere; without -v, or with -q, nothing.
 */
class StatusLinePlainTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(StatusLine.class);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CountDownLatch three = new CountDownLatch(3);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getLevel() + " " + event.getFormattedMessage());
            three.countDown();
        }
    };
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO); // what -v sets
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }

    @Test
    void verboseWithoutATerminalLogsAPlainLineAtEveryInterval() throws Exception {
        AtomicInteger done = new AtomicInteger();
        StatusLine status = StatusLine.start(Terminal.NONE, false, true,
                width -> "[ " + done.incrementAndGet() + " / 10 ] width " + width, Duration.ofMillis(20));
        try (status) {
            assertThat(three.await(10, TimeUnit.SECONDS)).as("three ticks, got " + lines).isTrue();
        }
        assertThat(progressThreads()).as("the ticker stops with the job").isZero();
        assertThat(lines.subList(0, 3)).containsExactly(
                "INFO progress: [ 1 / 10 ] width " + Integer.MAX_VALUE, // never cut to a terminal's width
                "INFO progress: [ 2 / 10 ] width " + Integer.MAX_VALUE,
                "INFO progress: [ 3 / 10 ] width " + Integer.MAX_VALUE);
    }

    @Test
    void withoutVerboseOrWithQuietThereIsNoTicker() {
        AtomicInteger asked = new AtomicInteger();
        try (StatusLine plain = StatusLine.start(Terminal.NONE, false, false, w -> "n" + asked.incrementAndGet(), Duration.ofMillis(1));
             StatusLine quiet = StatusLine.start(Terminal.NONE, true, true, w -> "q" + asked.incrementAndGet(), Duration.ofMillis(1))) {
            assertThat(progressThreads()).isZero();
        }
        assertThat(asked).hasValue(0);
        assertThat(lines).isEmpty();
    }

    private static long progressThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("progress") && t.isAlive()).count();
    }
}
