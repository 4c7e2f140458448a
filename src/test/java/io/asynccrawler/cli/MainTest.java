package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void badServeArgumentsAreUsageErrors() {
        assertThat(Cli.run("serve", "--port", "70000").exitCode).isEqualTo(2);
        assertThat(Cli.run("serve", "--port", "0", "--files", "/no/such/dir").err)
                .contains("--files is not a directory: /no/such/dir");
        Cli transport = Cli.run("serve", "--transport", "carrier-pigeon");
        assertThat(transport.exitCode).isEqualTo(2);
        assertThat(transport.err).contains("unknown transport 'carrier-pigeon'");
    }
}
