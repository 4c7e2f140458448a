package io.asynccrawler.cli;

import static io.asynccrawler.cli.FetchFailuresTest.assertOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option defaults from CRAWLER_* variables and a properties file: flag > environment > file > built-in. */
class ConfigDefaultsTest extends FetchTestBase {
    private String url() {
        return base + "/bytes/1000?seed=1";
    }

    private Cli fetchWith(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "fetch";
        all[1] = "-q";
        all[2] = "--report";
        all[3] = report().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.runWith(env, tmp.resolve("home").toString(), all);
    }

    @Test
    void anEnvironmentVariableSetsTheDefaultAndAFlagOverridesIt() throws Exception {
        Path fromEnv = tmp.resolve("env-out");
        Cli cli = fetchWith(Map.of("CRAWLER_OUTPUT_DIR", fromEnv.toString()), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(fromEnv)).containsExactly(FetchCommandTest.hostDir() + "/bytes/1000@seed=1");

        Path fromFlag = tmp.resolve("flag-out");
        cli = fetchWith(Map.of("CRAWLER_OUTPUT_DIR", fromEnv.toString()), "-o", fromFlag.toString(), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(fromFlag)).hasSize(1);
    }

    @Test
    void theConfigFileIsBelowTheEnvironmentAndAboveTheBuiltInDefault() throws Exception {
        Path config = Files.writeString(tmp.resolve("crawler.properties"),
                "# defaults for this job\noutput-dir = " + out() + "\nmax-size=10\n");
        Cli cli = fetchWith(Map.of(), "--config", config.toString(), url());
        assertThat(cli.exitCode).isEqualTo(1);
        assertOutcome(results().get(url()), "failed", "too_large", "--max-size 10 bytes");

        cli = fetchWith(Map.of("CRAWLER_MAX_SIZE", "5k"), "--config=" + config, url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).hasSize(1);

        cli = fetchWith(Map.of("CRAWLER_MAX_SIZE", "5k"), "--config", config.toString(), "--max-size", "20", "--overwrite", url());
        assertOutcome(results().get(url()), "failed", "too_large", "--max-size 20 bytes");
    }

    @Test
    void theDefaultFileIsReadFromTheConfigDirectory() throws Exception {
        Path file = tmp.resolve("home/.config/crawler/crawler.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "output-dir=" + out() + "\n");
        Cli cli = fetchWith(Map.of(), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(out())).hasSize(1);

        Path xdg = tmp.resolve("xdg/crawler/crawler.properties");
        Files.createDirectories(xdg.getParent());
        Files.writeString(xdg, "output-dir=" + tmp.resolve("xdg-out") + "\n");
        cli = fetchWith(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Tree.files(tmp.resolve("xdg-out"))).hasSize(1);
    }

    @Test
    void booleanAndNegatableOptionsTakeDefaultsToo() throws Exception {
        Path list = list(base + "/headers h.json");
        Cli cli = fetchWith(Map.of("CRAWLER_COMPRESSED", "false"), "-o", out().toString(), list.toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("h.json"))).doesNotContain("accept-encoding");

        cli = fetchWith(Map.of("CRAWLER_COMPRESSED", "false"), "-o", out().toString(), "--compressed", "--overwrite", list.toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("h.json"))).contains("accept-encoding");

        cli = fetchWith(Map.of("CRAWLER_OVERWRITE", "true"), "-o", out().toString(), "--no-compressed", list.toString());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(Files.readString(out().resolve("h.json"))).as("overwritten, by the default from the environment")
                .doesNotContain("accept-encoding");
    }

    /** A typo in a variable or a key would change nothing without a word: each is named, with the name meant. */
    @Test
    void unknownVariablesAndKeysAreNamedWithTheClosestKnownName() throws Exception {
        Path config = Files.writeString(tmp.resolve("crawler.properties"), "concurency=8\nper-host=2\nbogus-thing=1\n");
        Cli cli = fetchWith(Map.of("CRAWLER_OUTPUT_DR", "x", "CRAWLER_BIND", "0.0.0.0", "CRAWLER_JAVA_OPTS", "-Xmx1g",
                "CRAWLER_TIMESTAMPS", "false", "OTHER_TOOL_SETTING", "1"), "--config", config.toString(), "-o", out().toString(), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err.lines().toList()).containsExactly(
                "crawler: warning: unknown environment variable CRAWLER_OUTPUT_DR, ignored; did you mean CRAWLER_OUTPUT_DIR?",
                "crawler: warning: unknown key 'bogus-thing' in config " + config + ", ignored",
                "crawler: warning: unknown key 'concurency' in config " + config + ", ignored; did you mean 'concurrency'?");
    }

    /** CRAWLER_CONCURRENCY= is how a shell user unsets a default for one command: not an invalid value. */
    @Test
    void anEmptyVariableIsNotSet() throws Exception {
        Cli cli = fetchWith(Map.of("CRAWLER_CONCURRENCY", "", "CRAWLER_OUTPUT_DIR", ""), "-o", out().toString(), url());
        assertThat(cli.exitCode).as(cli.err).isZero();
        assertThat(cli.err).isEmpty();
    }

    @Test
    void aMissingConfigFileOrABadValueIsAOneLineUsageError() {
        Cli cli = fetchWith(Map.of(), "--config", tmp.resolve("missing.properties").toString(), url());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("cannot read config " + tmp.resolve("missing.properties") + ": no such file");

        cli = fetchWith(Map.of("CRAWLER_CONCURRENCY", "lots"), "-o", out().toString(), url());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("'lots' is not an int (from environment variable CRAWLER_CONCURRENCY)")
                .doesNotContain("Exception");
    }
}
