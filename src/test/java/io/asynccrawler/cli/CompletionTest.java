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
        return bash("cd '" + tmp + "'\nsource '" + script() + "'\n"
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

    /** What users type most: a list file after the command (after -v too), paths of options, comma lists, --no-. */
    @Test
    void completesTheCommonCase() throws Exception {
        Files.writeString(tmp.resolve("urls.txt"), "http://a/\n");
        Files.writeString(tmp.resolve("report.json"), "{}");
        Files.createDirectories(tmp.resolve("outdir"));
        assertThat(complete("crawler fetch u").lines()).containsExactly("urls.txt");
        assertThat(complete("crawler fetch -v u").lines()).containsExactly("urls.txt");
        assertThat(complete("crawler -v fetch u").lines()).containsExactly("urls.txt");
        assertThat(complete("crawler u").lines()).as("the implicit fetch").containsExactly("urls.txt");
        assertThat(complete("crawler urls.txt --res").lines()).containsExactly("--resume");
        assertThat(complete("crawler fetch --report r").lines()).containsExactly("report.json");
        assertThat(complete("crawler compare --timeline r").lines()).containsExactly("report.json");
        assertThat(complete("crawler fetch -o o").lines()).containsExactly("outdir");
        assertThat(complete("crawler fetch -c ")).as("a number: nothing to offer, not files").isBlank();
        assertThat(complete("crawler compare --modes sync,").lines())
                .containsExactlyInAnyOrder("sync,async", "sync,sync", "sync,threads", "sync,virtual");
        assertThat(complete("crawler compare --modes sync,th").lines()).containsExactly("sync,threads");
        assertThat(complete("crawler fetch --no-comp").lines()).containsExactly("--no-compressed");
        assertThat(complete("crawler crawl --no-").lines()).contains("--no-parent", "--no-robots", "--no-compressed");
    }
}
