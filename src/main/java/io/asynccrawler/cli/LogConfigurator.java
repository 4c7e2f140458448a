package io.asynccrawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The command's logging set-up, in code: every log line to stderr as its message (with
 * {@code --timestamps} as {@code HH:mm:ss.SSS LEVEL message}), Netty at WARN. Parsing an XML configuration cost a fifth of a second of every start;
 * this costs a few milliseconds. Called by {@link LogProvider} on a command's start, and found by
 * logback's service loader (META-INF/services) where logback starts itself (tests in one JVM). A
 * {@code -Dlogback.configurationFile} or a {@code logback-test.xml} on the class path (the tests')
 * still wins: then this steps aside and logback reads the file as usual.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        context.getLogger("io.netty").setLevel(Level.WARN);
        // Netty looks for the loopback interface as it loads, for its server-side helpers. A sandbox
        // without network interfaces (a container run with --network none) has none, and Netty
        // warns, once with a stack trace: the first lines a user would read, about nothing a
        // download needs. -vv still shows them (LoggingOptions).
        context.getLogger("io.netty.util.NetUtilInitializations").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * A line as a person at a terminal wants it: the message alone ({@code warning: } or
     * {@code error: } before those), as curl -v and wget say things; with {@code --timestamps}
     * {@code HH:mm:ss.SSS LEVEL message}, for a log kept in a file. Then the stack trace of an
     * attached exception.
     */
    static final class LineEncoder extends EncoderBase<ILoggingEvent> {
        /** Set once from --timestamps before the command logs its first line. */
        private static volatile boolean stamped;

        static void stamp(boolean on) {
            stamped = on;
        }

        /** Made at the first line, not at start: the time zone costs 10 ms to load, and most runs log nothing. */
        private static final class Clock {
            static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(ZoneId.systemDefault());
        }

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return format(event).getBytes(StandardCharsets.UTF_8);
        }

        static String format(ILoggingEvent event) {
            return format(event, stamped);
        }

        static String format(ILoggingEvent event, boolean stamped) {
            StringBuilder line = new StringBuilder(64);
            Level level = event.getLevel();
            if (stamped) {
                line.append(Clock.TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ').append(level);
                for (int pad = level.toString().length(); pad < 5; pad++) {
                    line.append(' ');
                }
                line.append(' ');
            } else if (level == Level.WARN) {
                line.append("warning: ");
            } else if (level == Level.ERROR) {
                line.append("error: ");
            }
            line.append(event.getFormattedMessage()).append(System.lineSeparator());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
            }
            return line.toString();
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
