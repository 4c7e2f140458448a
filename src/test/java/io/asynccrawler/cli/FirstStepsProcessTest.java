package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first commands, each in a JVM of its own as users start it (no test logging set-up):
 * what the process says on stderr and the exit code are the behaviour here, so they are checked on
 * a real process, not through picocli in the test's JVM.
 */
class FirstStepsProcessTest {
    @TempDir
    Path tmp;

    private static CrawlerProcess.Served server;

    @BeforeAll
    static void serve() throws Exception {
        server = CrawlerProcess.serve();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs {@code crawler args} in {@code tmp} with {@code env} added; its exit code and stderr. */
    private CrawlerProcess.Ran run(List<String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(CrawlerProcess.commandAsUsersRunIt(List.of(), List.of(args)))
                .directory(tmp.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile());
        for (String pair : env) {
            builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Process p = builder.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new CrawlerProcess.Ran(p.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
    }

    @Test
    void aTypoIsAnUnknownCommandNotADownload() throws Exception {
        Files.writeString(tmp.resolve("list.txt"), server.base().resolve("/bytes/10") + "\n");
        CrawlerProcess.Ran typo = run(List.of(), "comapre", "list.txt");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).startsWith("crawler: unknown command 'comapre'; did you mean 'compare'?");
        assertThat(tmp.resolve("downloads")).doesNotExist();
    }

    @Test
    void aMissingListIsOneLineAndExitTwo() throws Exception {
        CrawlerProcess.Ran missing = run(List.of(), "fetch", "missing.txt");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("fetch: no such file, and not a URL: missing.txt" + System.lineSeparator());
    }

    @Test
    void quietIsSilentOnSuccessAndAMisspeltVariableIsNamed() throws Exception {
        CrawlerProcess.Ran quiet = run(List.of(), "fetch", "-q", server.base().resolve("/bytes/10").toString());
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        CrawlerProcess.Ran typo = run(List.of("CRAWLER_CONCURENCY=8"), "fetch", "-q", "--overwrite",
                server.base().resolve("/bytes/10").toString());
        assertThat(typo.exitCode()).isZero();
        assertThat(typo.err()).isEqualTo("crawler: warning: unknown environment variable CRAWLER_CONCURENCY, ignored;"
                + " did you mean CRAWLER_CONCURRENCY?" + System.lineSeparator());
    }
}
