package io.asynccrawler.cli;

import io.asynccrawler.fetch.blocking.BlockingProxies;
import io.asynccrawler.fetch.blocking.BlockingTls;
import io.asynccrawler.fetch.netty.NettyClient;
import io.asynccrawler.fetch.netty.Preload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code crawler} command: its subcommands ({@link #COMMANDS}, added in {@link #commandLine}),
 * and how errors reach the user.
 */
@Command(name = "crawler",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Downloads many URLs at once on Netty's event loop, streaming each body to disk, and crawls sites; shows how that compares with plain blocking code on the same job."},
        footer = {
            "",
            "With no command, 'crawler URL|FILE ...' means 'crawler fetch URL|FILE ...'.",
            "",
            "Examples:",
            "  crawler demo",
            "      offline showcase: the same slow job blocking and async, side by side",
            "  crawler fetch -c 128 -o out urls.txt",
            "      bulk download of every URL in urls.txt, 128 requests at once",
            "  crawler fetch --report report.json - < urls.txt",
            "      the same list from stdin, with a JSON report of every URL",
            "  crawler fetch --resume -o out urls.txt",
            "      finish an interrupted job: done files are skipped, .part files continued",
            "  crawler crawl -l 2 -p -o site https://example.org/docs/",
            "      the site two links deep, each page with its images and CSS; robots.txt obeyed",
            "  crawler compare --modes sync,threads,async --timeline t.svg urls.txt",
            "      one job in three modes: a table, and a timeline picture",
            "  docker run --rm -v \"$PWD\":/data async-crawler fetch -o out urls.txt",
            "      the same in the Docker image (/data is its working directory)",
            "  source <(crawler completion)",
            "      tab completion in this bash (zsh: see 'crawler completion --help')",
            "",
            "Defaults: any option of fetch, crawl and compare can be set in the environment (CRAWLER_CONCURRENCY=128, CRAWLER_OUTPUT_DIR=out) or in a properties file, ~/.config/crawler/crawler.properties or --config FILE (concurrency=128).",
            "A flag wins over the environment, the environment over the file, the file over the built-in default."})
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

    /** The subcommands, in the order the help lists them. */
    static final List<String> COMMANDS = List.of("fetch", "crawl", "compare", "serve", "demo", "completion", "help");

    public static void main(String[] args) {
        quietStart();
        Preload.inBackground();
        CommandLine cli = commandLine(reachable(args));
        System.exit(execute(cli, args, System.getenv(), System.getProperty("user.home")));
    }

    /**
     * JVM-wide settings for a command-line start, made before Netty and SLF4J load; each can be
     * given otherwise with {@code -D}. Netty's JFR events (buffer chunk allocations) initialise the
     * JDK's flight recorder at the first buffer, 70 ms of every start. SLF4J binds to logback
     * through {@link LogProvider}, named so that SLF4J need not search the class path for
     * providers; its note that it did so (an info line on stderr) is left out. The JDK's TLS
     * sockets (the blocking modes) require close_notify ({@link BlockingTls#requireCloseNotify}),
     * and HttpURLConnection may send a proxy Basic credentials for a tunnel
     * ({@link BlockingProxies#allowBasicForTunnels}).
     */
    static void quietStart() {
        setIfAbsent("io.netty.jfr.enabled", "false");
        setIfAbsent("slf4j.provider", LogProvider.class.getName());
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        // Netty names channels after a hardware address it looks for among the network interfaces
        // (and warns where there is none, as in a sandbox without a network): random bytes, as its
        // own fallback, name them as well.
        setIfAbsent("io.netty.machineId", randomMachineId());
        BlockingTls.requireCloseNotify();
        BlockingProxies.allowBasicForTunnels();
    }

    private static String randomMachineId() {
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        StringBuilder s = new StringBuilder();
        for (byte b : id) {
            if (s.length() > 0) {
                s.append(':');
            }
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Runs {@code args} on {@code cli} with option defaults from {@code env} and the config file
     * (ConfigDefaults); an unreadable config file is a usage error.
     */
    static int execute(CommandLine cli, String[] args, Map<String, String> env, String home) {
        Path config = ConfigDefaults.configArgument(args);
        try {
            ConfigDefaults defaults = ConfigDefaults.load(env, config, ConfigDefaults.defaultFile(env, home));
            cli.setDefaultValueProvider(defaults);
            for (String warning : defaults.unknownNames(cli, () -> commandLine(COMMANDS))) {
                cli.getErr().println("crawler: warning: " + warning);
            }
        } catch (IOException e) {
            PrintWriter err = cli.getErr();
            err.println("crawler: cannot read config " + (config != null ? config : ConfigDefaults.defaultFile(env, home))
                    + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            return ExitCodes.USAGE;
        }
        giveEnvironment(cli, env);
        String unknown = args.length == 0 ? null : unknownCommand(args[0]);
        if (unknown != null) { // a mistyped command is never a URL list to download
            cli.getErr().println("crawler: " + unknown);
            cli.getErr().println("Try 'crawler --help' for more information.");
            return ExitCodes.USAGE;
        }
        return cli.execute(withDefaultCommand(cli, args));
    }

    /** Gives every command's fetch options the environment the proxy variables are read from. */
    private static void giveEnvironment(CommandLine cli, Map<String, String> env) {
        for (Object mixin : cli.getMixins().values()) {
            if (mixin instanceof FetchOptions) {
                ((FetchOptions) mixin).access.environment = env;
            }
        }
        cli.getSubcommands().values().forEach(sub -> giveEnvironment(sub, env));
    }

    /**
     * Why {@code first}, the first argument, is taken for a mistyped command, or null: a bare word
     * (no '.', '/' or ':', so neither a URL, a host nor a path) that is no command, no option and
     * no file here. {@code crawler comapre list.txt} would otherwise fetch the list into
     * ./downloads, the typo a bad line of it.
     */
    static String unknownCommand(String first) {
        if (COMMANDS.contains(first) || first.startsWith("-") || first.isEmpty() || first.matches(".*[./:\\\\].*")) {
            return null;
        }
        try {
            if (Files.exists(Path.of(first))) {
                return null;
            }
        } catch (InvalidPathException e) {
            return null; // fetch says what is wrong with it
        }
        String closest = Closest.among(first.toLowerCase(Locale.ROOT), COMMANDS); // fecth, comapre, crwal
        return "unknown command '" + first + "'" + (closest != null ? "; did you mean '" + closest + "'?"
                : " (a URL needs its scheme: http://" + first + ")");
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line with only the subcommands {@code names}: picocli reads every subcommand's
     * annotations when it is added, cold reflection that costs a start about 30 ms for the five
     * that a {@code crawler fetch} never reaches.
     */
    static CommandLine commandLine(List<String> names) {
        CommandLine cli = new CommandLine(new Main());
        for (String name : names) {
            cli.addSubcommand(newCommand(name));
        }
        cli.setExecutionStrategy(LoggingOptions::configureThenRun);
        cli.setOverwrittenOptionsAllowed(true); // as in curl and wget: the last -c, --timeout, ... given wins
        cli.setParameterExceptionHandler(Errors::onBadUsage);
        cli.setExecutionExceptionHandler(Errors::onFailure);
        return cli;
    }

    /**
     * The subcommands a run of {@code args} can reach: the one it names, {@code fetch} for a URL or
     * file (see {@link #withDefaultCommand}), else all of them (help, completion, options, errors
     * that list the commands).
     */
    static List<String> reachable(String[] args) {
        if (args.length == 0) {
            return COMMANDS;
        }
        String first = args[0];
        switch (first) {
            case "fetch": case "crawl": case "compare": case "serve": case "demo":
                return List.of(first);
            default:
                return (first.startsWith("-") && !first.equals("-")) || COMMANDS.contains(first) ? COMMANDS : List.of("fetch");
        }
    }

    private static Object newCommand(String name) {
        switch (name) {
            case "fetch": return new FetchCommand();
            case "crawl": return new CrawlCommand();
            case "compare": return new CompareCommand();
            case "serve": return new ServeCommand();
            case "demo": return new DemoCommand();
            case "completion": return new CompletionCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException(name);
        }
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
