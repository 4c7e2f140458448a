package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawler completion}: a script bash accepts, and that completes commands and options when sourced. */
class CompletionTest {
    @TempDir
    Path tmp;

    private String bash(String script) throws Exception {
        // stderr aside: outside a real completion, bash warns that compopt is not in a completion function
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(tmp.resolve("bash-stderr.txt").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private Path script() throws Exception {
        Cli cli = Cli.run("completion");
        assertThat(cli.exitCode).isZero();
        return Files.writeString(tmp.resolve("crawler-completion.bash"), cli.out);
    }

    /** What the completion function offers for the words of {@code line} (the last one being completed). */
    private String complete(String line) throws Exception {
        return bash("source '" + script() + "'\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "read -r -a COMP_WORDS <<< \"$COMP_LINE\"\n"
                + (line.endsWith(" ") ? "COMP_WORDS+=('')\n" : "")
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_crawler crawler \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    @Test
    void bashAcceptsTheScript() throws Exception {
        bash("bash -n '" + script() + "'");
    }

    @Test
    void completesCommandsAndOptions() throws Exception {
        assertThat(complete("crawler fe").lines()).containsExactly("fetch");
        assertThat(complete("crawler co").lines()).contains("compare", "completion");
        assertThat(complete("crawler fetch --conc").lines()).contains("--concurrency");
        assertThat(complete("crawler fetch --mode ").lines()).contains("async", "sync", "threads", "virtual");
    }
}
