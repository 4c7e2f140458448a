package io.asynccrawler.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code crawler} command: its subcommands, and how errors reach the user. */
@Command(name = "crawler",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Downloads many URLs at once on Netty's event loop, streaming each body to disk,",
            "and shows how that compares with plain blocking code on the same job."},
        subcommands = {
            FetchCommand.class,
            CompareCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "With no command, 'crawler URL|FILE ...' means 'crawler fetch URL|FILE ...'.",
            "Examples:",
            "  crawler demo                         offline showcase against the built-in server",
            "  crawler fetch -c 128 -o out urls.txt download every URL listed in urls.txt",
            "  crawler serve --port 0               start the test server on a free port"})
public final class Main implements Callable<Integer> {
    private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("crawler: no command or URL given");
        err.println("Try 'crawler --help' for more information.");
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        System.exit(cli.execute(withDefaultCommand(cli, args)));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionStrategy(LoggingOptions::configureThenRun);
        cli.setOverwrittenOptionsAllowed(true); // as in curl and wget: the last -c, --timeout, ... given wins
        cli.setParameterExceptionHandler(Errors::onBadUsage);
        cli.setExecutionExceptionHandler(Errors::onFailure);
        return cli;
    }

    /**
     * {@code crawler urls.txt} runs {@code fetch}, as curl and wget take URLs without a verb: the
     * arguments go to {@code fetch} when the first is neither a command nor a top-level option, and
     * is a URL, a file or an option that {@code fetch} has.
     */
    static String[] withDefaultCommand(CommandLine cli, String[] args) {
        if (args.length == 0 || TOP_LEVEL.contains(args[0]) || cli.getSubcommands().containsKey(args[0])) {
            return args;
        }
        if (args[0].startsWith("-") && !args[0].equals("-")) {
            String name = args[0].contains("=") ? args[0].substring(0, args[0].indexOf('=')) : args[0];
            if (cli.getSubcommands().get("fetch").getCommandSpec().findOption(name) == null) {
                return args;
            }
        }
        String[] withFetch = new String[args.length + 1];
        withFetch[0] = "fetch";
        System.arraycopy(args, 0, withFetch, 1, args.length);
        return withFetch;
    }

}
