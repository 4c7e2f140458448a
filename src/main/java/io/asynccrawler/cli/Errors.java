package io.asynccrawler.cli;

import io.asynccrawler.save.FileErrors;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How a usage mistake or an unexpected failure reaches the user: one line and a hint, never a stack trace. */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static int onBadUsage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + e.getMessage() + defaultOrigin(e, args) + habit(e, args));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + qualifiedName(cmd) + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    /**
     * A hint when a flag another tool reads otherwise was given: {@code -c} continues a download
     * in wget (curl: {@code -C -}) and is a number here, so {@code crawler fetch -c URL} would say
     * only that a URL is not an int.
     */
    private static String habit(ParameterException e, String[] args) {
        boolean concurrency = e.getArgSpec() instanceof OptionSpec
                ? ((OptionSpec) e.getArgSpec()).longestName().equals("--concurrency")
                : String.valueOf(e.getMessage()).contains("option '--concurrency'"); // no value at all: -c -o DIR
        if (concurrency && Arrays.asList(args).contains("-c")) {
            return "; -c is --concurrency here: did you mean --resume (wget -c, curl -C -)?";
        }
        return "";
    }

    /** " (from environment variable CRAWLER_X)" when the bad value was a default the user set, not a flag. */
    private static String defaultOrigin(ParameterException e, String[] args) {
        if (!(e.getArgSpec() instanceof OptionSpec)
                || !(e.getCommandLine().getDefaultValueProvider() instanceof ConfigDefaults)) {
            return "";
        }
        OptionSpec option = (OptionSpec) e.getArgSpec();
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return ""; // given on the command line
                }
            }
        }
        String origin = ((ConfigDefaults) e.getCommandLine().getDefaultValueProvider()).origin(option);
        return origin == null ? "" : " (from " + origin + ")";
    }

    static int onFailure(Exception e, CommandLine cmd, ParseResult parseResult) {
        log.debug("{} failed", cmd.getCommandName(), e);
        cmd.getErr().println(cmd.getCommandName() + ": " + describe(e));
        return e instanceof InterruptedException ? ExitCodes.INTERRUPTED : ExitCodes.SOME_FAILED;
    }

    /** The message of {@code e} (for a file error, what went wrong with which file), or its type when it has none. */
    static String describe(Throwable e) {
        return FileErrors.describe(e);
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getParent() == null ? cmd.getCommandName() : qualifiedName(cmd.getParent()) + " " + cmd.getCommandName();
    }
}
