package io.asynccrawler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code -v} / {@code -q}: how much the command logs on stderr. Results alone go to stdout. */
final class LoggingOptions {
    @Option(names = {"-v", "--verbose"}, description = "Log more on stderr: -v each URL, -vv protocol detail.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Log only errors.")
    boolean quiet;

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
        ((Logger) LoggerFactory.getLogger("io.asynccrawler")).setLevel(level);
        if (verbose.length > 1) {
            ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.DEBUG);
        }
        if (quiet) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        }
    }
}
