package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code -u USER} without a password asks for it on the terminal, without echo, as curl does; with
 * no terminal to ask on, it is a one-line usage error.
 */
class PasswordPromptTest extends FetchTestBase {
    @Test
    void theMissingPasswordIsAskedForOnTheTerminalWithoutEcho() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script (Debian: bsdutils)");
        String url = base + "/basic-auth/alice/s3cret";
        List<String> command = CrawlerProcess.commandAsUsersRunIt(List.of(),
                List.of("fetch", "-u", "alice", "-o", out().toString(), "--retries", "0", url));
        String shell = command.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path typescript = tmp.resolve("typescript");
        Process p = new ProcessBuilder("script", "-qfec", shell, typescript.toString()).redirectErrorStream(true).start();
        OutputStream keys = p.getOutputStream();
        // script echoes the terminal on its stdout: a thread of its own reads it (blocking) and tells when the prompt shows
        CompletableFuture<Void> prompted = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try (InputStream screen = p.getInputStream()) {
                for (int c; (c = screen.read()) != -1; ) {
                    seen.append((char) c);
                    if (!prompted.isDone() && seen.indexOf("Enter host password for user 'alice':") >= 0) {
                        prompted.complete(null); // then read on to the end, so script never blocks on its output
                    }
                }
            } catch (IOException e) {
                prompted.completeExceptionally(e);
            }
            prompted.completeExceptionally(new IllegalStateException("ended without asking: " + seen));
        }, "script-output");
        reader.start();
        prompted.get(30, TimeUnit.SECONDS);
        keys.write("s3cret\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
        String screen = Files.readString(typescript, StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(screen).isZero();
        String afterPrompt = screen.substring(screen.indexOf("Enter host password"));
        assertThat(afterPrompt).as("not echoed").doesNotContain("s3cret").contains("saved");
        assertThat(Files.readString(out().resolve("127.0.0.1_" + server.address().getPort() + "/basic-auth/alice/s3cret")))
                .contains("\"authenticated\": true");
    }

    @Test
    void withNoTerminalToAskOnItIsAUsageError() throws Exception {
        Cli cli = fetch("-u", "alice", base + "/basic-auth/alice/s3cret");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).startsWith("fetch: --user alice: no password, and no terminal to ask for it: give USER:PASSWORD");
    }
}
