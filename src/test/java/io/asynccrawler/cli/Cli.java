package io.asynccrawler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(Main.withDefaultCommand(cli, args));
        return new Cli(code, out.toString(), err.toString());
    }
}
