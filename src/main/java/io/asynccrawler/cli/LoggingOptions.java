package io.asynccrawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code -v} / {@code -q} / {@code --timestamps}: how much the command says on stderr, and how. Results alone go to stdout. */
final class LoggingOptions {
    @Option(names = {"-v", "--verbose"}, description = "Say more on stderr: -v each URL and the set-up,"
            + " -vv also each request's and response's head (as curl -v), -vvv also Netty's own debug log.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Say nothing when all went well; errors only.")
    boolean quiet;

    @Option(names = "--timestamps", description = "Start each log line with the time and its level, as for a log file.")
    boolean timestamps;

    Level level() {
        if (quiet) {
            return Level.ERROR;
        }
        switch (verbose.length) {
            case 0: return Level.INFO;
            case 1: return Level.DEBUG;
            default: return Level.TRACE;
        }
    }

    /** Picocli execution strategy: set the log level from the chosen command's options, then run it. */
    static int configureThenRun(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            for (CommandSpec mixin : p.commandSpec().mixins().values()) {
                if (mixin.userObject() instanceof LoggingOptions) {
                    ((LoggingOptions) mixin.userObject()).apply();
                }
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    private void apply() {
        Level level = level();
        LogConfigurator.LineEncoder.stamp(timestamps);
        ((Logger) LoggerFactory.getLogger("io.asynccrawler")).setLevel(level);
        if (verbose.length > 2) { // Netty's debug log opens with its system properties: for whoever debugs Netty
            ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.DEBUG);
        }
        if (quiet) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        }
    }
}
