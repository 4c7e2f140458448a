package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.cli.process.Terminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The live progress line as a person sees it: {@code crawler fetch} in a real pseudo-terminal
 * (util-linux {@code script}) redraws one line in place and ends with the summary block; the same
 * run with stderr in a file has no escape sequences and no carriage returns at all.
 */
class ProgressTerminalTest extends FetchTestBase {
    private static final Pattern FRAME = Pattern.compile("\r\u001b\\[K\\[ ([0-9,]+) / ([0-9,]+)( so far)? \\]");

    private List<String> fetchCommand(String... args) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            urls.add(base + "/delay/250?i=" + i);
        }
        urls.add(base + "/status/404");
        List<String> fetch = new ArrayList<>(List.of("fetch", "-c", "4", "--retries", "0", "-o", out().toString(),
                "--report", report().toString()));
        fetch.addAll(List.of(args));
        fetch.add(list(urls.toArray(String[]::new)).toString());
        return CrawlerProcess.command(List.of(), fetch);
    }

    private static String shellQuoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    @Test
    void aTerminalSeesOneLineRedrawnInPlaceThenTheSummary() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script (Debian: bsdutils)");
        Path typescript = tmp.resolve("typescript");
        Process p = new ProcessBuilder("script", "-qfec", shellQuoted(fetchCommand()), typescript.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("script-out.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
        String screen = Files.readString(typescript, StandardCharsets.UTF_8);

        Matcher m = FRAME.matcher(screen);
        List<Integer> done = new ArrayList<>();
        while (m.find()) {
            done.add(Integer.parseInt(m.group(1).replace(",", "")));
        }
        assertThat(done).as("progress frames in\n" + screen).hasSizeGreaterThan(5);
        assertThat(done).isSorted();
        assertThat(done.get(done.size() - 1)).as("the line moved").isGreaterThan(done.get(0));
        assertThat(screen).contains("in flight", "B/s");
        assertThat(screen).as("the list was counted ahead: its total, not 'so far', once anything is done")
                .contains(" / 25 ]").doesNotContainPattern("\\[ [1-9][0-9,]* / [0-9,]+ so far");
        String afterLastFrame = screen.substring(screen.lastIndexOf("\r\u001b[K") + 4);
        assertThat(afterLastFrame).as("the summary follows the cleared line").contains("ok", "24", "failures", "HTTP 404");
        assertThat(screen).contains(base + "/status/404: HTTP 404 Not Found\r\n");
    }

    @Test
    void stderrInAFileGetsNoEscapesAndNoRedrawing() throws Exception {
        Path stderr = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(fetchCommand()).redirectError(stderr.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finishes").isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        String text = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\u001b", "\r", "in flight");
        assertThat(text).contains("/status/404: HTTP 404 Not Found", "  ok        24", "  failed    1", "  failures ");
    }

    @Test
    void stderrPointingAtAFileAPipeOrDevNullIsNoTerminalWithoutAsking() throws Exception {
        for (String target : List.of("/tmp/log.txt", "pipe:[4711]", "socket:[42]", "/dev/null")) {
            Path link = Files.createSymbolicLink(tmp.resolve("fd-" + Math.abs(target.hashCode())), Path.of(target));
            assertThat(Terminal.surelyNotATerminal(link)).as(target).isTrue();
        }
        for (String target : List.of("/dev/pts/3", "/dev/tty1", "/dev/console")) {
            Path link = Files.createSymbolicLink(tmp.resolve("fd-" + Math.abs(target.hashCode())), Path.of(target));
            assertThat(Terminal.surelyNotATerminal(link)).as(target + ": JLine is asked").isFalse();
        }
        assertThat(Terminal.surelyNotATerminal(tmp.resolve("no-such-link"))).as("unsure").isFalse();
    }
}
