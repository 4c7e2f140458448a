package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Help.Ansi;

class MainTest {
    @Test
    void helpListsEveryCommandAndExitsZero() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("fetch", "compare", "serve", "demo", "Usage: crawler");
    }

    @Test
    void versionComesFromThePom() {
        Cli cli = Cli.run("--version");
        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).startsWith("crawler " + VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "compare", "serve", "demo"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(command, "--help");
        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("Usage: crawler " + command);
    }

    /**
     * picocli prints each element of a description on a line of its own and wraps within it: an
     * element broken mid-sentence in the source breaks mid-sentence on every terminal. So each
     * element is a whole sentence (or blank, or an indented example).
     */
    @ParameterizedTest
    @ValueSource(strings = {"fetch", "crawl", "compare", "serve", "demo", "completion"})
    void noHelpTextIsWrappedInTheSource(String command) {
        picocli.CommandLine root = Main.commandLine();
        List<String> lines = new java.util.ArrayList<>(List.of(root.getCommandSpec().usageMessage().description()));
        lines.addAll(List.of(root.getCommandSpec().usageMessage().footer()));
        picocli.CommandLine.Model.CommandSpec spec = root.getSubcommands().get(command).getCommandSpec();
        lines.addAll(List.of(spec.usageMessage().description()));
        for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
            lines.addAll(List.of(option.description()));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line).as("a whole sentence").matches("|\\s.*|(?s).*[.:)?]"));
    }

    @Test
    void unknownOptionIsOneLineAndAHintWithoutAStackTrace() {
        Cli cli = Cli.run("--bogus");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.lines()).containsExactly(
                "crawler: Unknown option: '--bogus'", "Try 'crawler --help' for more information.");
        assertThat(cli.out).isEmpty();
    }

    @Test
    void unknownSubcommandOptionNamesTheSubcommand() {
        Cli cli = Cli.run("serve", "--prot", "1");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("crawler serve: Unknown option", "'--prot'", "Try 'crawler serve --help'")
                .doesNotContain("\tat ");
    }

    @Test
    void noArgumentsIsAUsageError() {
        Cli cli = Cli.run();
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("no command or URL given");
    }

    @Test
    void aBareUrlOrFileMeansFetch() {
        String[] routed = Main.withDefaultCommand(Main.commandLine(), new String[] {"urls.txt"});
        assertThat(routed).containsExactly("fetch", "urls.txt");
        assertThat(Main.withDefaultCommand(Main.commandLine(), new String[] {"-"})).containsExactly("fetch", "-");
        assertThat(Main.withDefaultCommand(Main.commandLine(), new String[] {"serve"})).containsExactly("serve");
        assertThat(Main.withDefaultCommand(Main.commandLine(), new String[] {"--bogus"})).containsExactly("--bogus");
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatNamesTheCommandMeantAndDownloadsNothing(@TempDir Path tmp) throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "http://127.0.0.1:9/a\n");
        Path out = tmp.resolve("out");
        Cli compare = Cli.run("comapre", "-o", out.toString(), list.toString());
        assertThat(compare.exitCode).isEqualTo(2);
        assertThat(compare.err).startsWith("crawler: unknown command 'comapre'; did you mean 'compare'?\n");
        assertThat(out).doesNotExist();
        assertThat(Cli.run("fecth", list.toString()).err).contains("did you mean 'fetch'?");
        assertThat(Cli.run("crwal", list.toString()).err).contains("did you mean 'crawl'?");
        assertThat(Cli.run("zzzz", list.toString()).err).contains("unknown command 'zzzz' (a URL needs its scheme: http://zzzz)");
        // what can be a URL, a host or a path still means fetch, as can a file of any name
        assertThat(Main.unknownCommand("example.com")).isNull();
        assertThat(Main.unknownCommand("localhost:8080")).isNull();
        assertThat(Main.unknownCommand("http://x")).isNull();
        assertThat(Main.unknownCommand(list.toString())).isNull();
        assertThat(Main.unknownCommand("-")).isNull();
        assertThat(Main.unknownCommand("compare")).isNull();
    }

    @Test
    void badServeArgumentsAreUsageErrors() {
        assertThat(Cli.run("serve", "--port", "70000").exitCode).isEqualTo(2);
        assertThat(Cli.run("serve", "--port", "0", "--files", "/no/such/dir").err)
                .contains("--files is not a directory: /no/such/dir");
        Cli transport = Cli.run("serve", "--transport", "carrier-pigeon");
        assertThat(transport.exitCode).isEqualTo(2);
        assertThat(transport.err).contains("unknown transport 'carrier-pigeon'");
    }

    @Test
    void aRunBuildsOnlyTheSubcommandsItCanReach() {
        assertThat(Main.reachable(new String[] {"fetch", "-o", "out", "u.txt"})).containsExactly("fetch");
        assertThat(Main.reachable(new String[] {"urls.txt"})).containsExactly("fetch");
        assertThat(Main.reachable(new String[] {"-"})).containsExactly("fetch");
        assertThat(Main.reachable(new String[] {"serve", "--port", "0"})).containsExactly("serve");
        assertThat(Main.reachable(new String[] {"compare", "u.txt"})).containsExactly("compare");
        for (String[] all : new String[][] {{}, {"--help"}, {"-c", "8", "u.txt"}, {"help", "fetch"}, {"completion"}}) {
            assertThat(Main.reachable(all)).as(String.join(" ", all)).isEqualTo(Main.COMMANDS);
        }
        assertThat(Main.commandLine(Main.reachable(new String[] {"serve"})).getSubcommands()).containsOnlyKeys("serve");
    }

    @Test
    void helpForACommandIsTheSameWhateverElseIsBuilt() {
        for (String command : List.of("fetch", "compare", "serve", "demo")) {
            StringWriter alone = new StringWriter();
            StringWriter full = new StringWriter();
            Main.commandLine(List.of(command)).getSubcommands().get(command).usage(new PrintWriter(alone), Ansi.OFF);
            Main.commandLine().getSubcommands().get(command).usage(new PrintWriter(full), Ansi.OFF);
            assertThat(alone.toString()).as(command).isEqualTo(full.toString()).contains("Usage: crawler " + command);
        }
    }

    @Test
    void versionHelpAndABareFileWorkThroughTheReducedCommandLine() {
        Cli cli = Cli.run("--version");
        assertThat(cli.exitCode).isZero();
        Cli help = Cli.run("help", "serve");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("Usage: crawler serve");
        Cli bad = Cli.run("no-such-file.txt");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("no-such-file.txt");
    }
}
