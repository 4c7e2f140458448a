package io.asynccrawler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code crawler} command in-process and captures what it prints. */
final class Cli {
    final int exitCode;
    final String out;
    final String err;

    Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs with no CRAWLER_* environment and no config file, whatever the machine has. */
    static Cli run(String... args) {
        return runWith(Map.of(), "/nonexistent-home", args);
    }

    /** Runs with {@code env} as the environment and {@code home} as the home directory. */
    static Cli runWith(Map<String, String> env, String home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(Main.reachable(args)); // as main() builds it
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = Main.execute(cli, args, env, home);
        return new Cli(code, out.toString(), err.toString());
    }
}
