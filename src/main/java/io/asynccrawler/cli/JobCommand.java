package io.asynccrawler.cli;

import io.asynccrawler.cli.process.Terminal;
import io.asynccrawler.job.Printable;
import io.asynccrawler.report.JsonReport;
import io.asynccrawler.save.OutputDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * What fetch and crawl do around their job alike: open the output directory and the report, run,
 * finish the report, print the summary (with -q one line, and only when something failed), and give
 * the exit code.
 */
final class JobCommand {
    /** The job itself, into the opened directory and report (null without --report). */
    @FunctionalInterface
    interface Run {
        JobRun.Finished into(OutputDirectory dir, JsonReport report) throws IOException, GeneralSecurityException;
    }

    private JobCommand() {
    }

    /**
     * Runs {@code run} for {@code command}; {@code moreSummary} adds the command's own lines to the
     * summary block (not with -q).
     */
    static int run(CommandSpec spec, FetchOptions options, LoggingOptions logging, PrintWriter err, Run run,
                   Consumer<PrintWriter> moreSummary) throws IOException {
        String command = spec.name();
        OutputDirectory dir;
        try {
            dir = OutputDirectory.open(options.outputDir);
        } catch (IOException e) {
            err.println(command + ": cannot write to output directory " + options.outputDir + ": " + Errors.describe(e));
            return ExitCodes.OUTPUT_DIR;
        }
        ReportTarget report;
        try {
            report = ReportTarget.open(options.report);
        } catch (IOException e) {
            return usage(err, command, "cannot write report " + options.report + ": " + Errors.describe(e));
        }
        JobRun.Finished finished;
        try (report) {
            finished = run.into(dir, report.json());
            report.finish(finished.summary());
        } catch (GeneralSecurityException | SSLException | IllegalArgumentException e) {
            return usage(err, command, options.cannotSetUpTls(e));
        } finally {
            dir.removeIfMadeAndEmpty();
        }
        if (logging.quiet) {
            // as curl -s: a run that went well says nothing; one that did not, its one-line count
            if (finished.summary().failed() > 0 || finished.totals().interrupted()) {
                err.println(finished.summary().line());
            }
        } else {
            Terminal terminal = Terminal.ofStderr(System.getenv());
            err.print(SummaryBlock.render(finished.summary(), options.report, terminal.colour() ? Ansi.ON : Ansi.OFF,
                    again(spec)));
            moreSummary.accept(err);
            err.flush();
        }
        return FetchCommand.exitCode(finished.totals(), finished.summary(), finished.signalExit());
    }

    /**
     * The command line that continues a stopped job: the one that ran, as a shell reads it. A fetch
     * skips what it finished (and, with --resume, continues its part files); a crawl goes on from its
     * frontier.
     */
    static String again(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return null;
        }
        StringBuilder line = new StringBuilder("crawler");
        for (String arg : parsed.originalArgs()) {
            line.append(' ').append(arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return Printable.of(line.toString());
    }

    /** The input named that cannot be read, said in one line (exit 2), or -1 when every input can be. */
    static int unreadableInput(PrintWriter err, String command, List<String> inputs) {
        String problem = FetchOptions.unreadableInput(inputs);
        if (problem == null) {
            return -1;
        }
        err.println(command + ": " + problem);
        return ExitCodes.USAGE;
    }

    static int usage(PrintWriter err, String command, String message) {
        err.println(command + ": " + message);
        err.println("Try 'crawler " + command + " --help' for more information.");
        return ExitCodes.USAGE;
    }
}
