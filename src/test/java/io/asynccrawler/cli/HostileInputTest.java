package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asynccrawler.testing.Tree;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile URL lists and hostile names, one table row per case: each asserts the exit code, every
 * result in the report (bad lines included) and the exact set of files on disk. In the rows,
 * {@code {b}} is the test server's base URL and {@code {h}} its directory under the output directory.
 */
class HostileInputTest extends FetchTestBase {
    private static final String OK = "ok";
    private static final String BAD = "bad_input";

    record InputCase(String name, byte[] list, int exit, Set<String> files, Map<String, String> outcomes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<InputCase> cases() {
        String longName = "x".repeat(400);
        return Stream.of(
                row("byte_order_mark", bytes("\uFEFF{b}/bytes/3?seed=1\n"), 0,
                        files("{h}/bytes/3@seed=1"), Map.of("{b}/bytes/3?seed=1", OK)),
                row("crlf_line_endings", bytes("{b}/bytes/3?seed=1\r\n{b}/bytes/3?seed=2\r\n"), 0,
                        files("{h}/bytes/3@seed=1", "{h}/bytes/3@seed=2"),
                        Map.of("{b}/bytes/3?seed=1", OK, "{b}/bytes/3?seed=2", OK)),
                row("line_longer_than_64k", bytes("{b}/" + "y".repeat(70_000) + "\n{b}/bytes/3?seed=1\n"), 1,
                        files("{h}/bytes/3@seed=1"), Map.of("{b}/bytes/3?seed=1", OK, "@1", BAD)),
                row("invalid_utf8", concat(bytes("{b}/bytes/3?seed="), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'},
                        bytes("# comment \u00e9 "), new byte[] {(byte) 0xc3, '\n'}, bytes("{b}/bytes/3?seed=2\n")), 1,
                        files("{h}/bytes/3@seed=2"), Map.of("{b}/bytes/3?seed=2", OK, "{b}/bytes/3?seed=\uFFFD\uFFFD", BAD)),
                row("nul_byte_in_a_line", bytes("{b}/bytes/3?seed=1\u0000x\n{b}/bytes/3?seed=2\n"), 1,
                        files("{h}/bytes/3@seed=2"), Map.of("{b}/bytes/3?seed=2", OK, "{b}/bytes/3?seed=1\u0000x", BAD)),
                row("bad_schemes", bytes("ftp://127.0.0.1/x\nfile:///etc/passwd\njavascript:alert(1)\ndata:text/plain,hi\n"
                        + "//127.0.0.1/relative\nhttp:///no-host\n/just/a/path\n{b}/bytes/3?seed=1\n"), 1,
                        files("{h}/bytes/3@seed=1"), Map.of("{b}/bytes/3?seed=1", OK, "ftp://127.0.0.1/x", BAD,
                                "file:///etc/passwd", BAD, "javascript:alert(1)", BAD, "data:text/plain,hi", BAD,
                                "//127.0.0.1/relative", BAD, "http:///no-host", BAD, "/just/a/path", BAD)),
                row("ports_out_of_range", bytes("http://127.0.0.1:99999/x\nhttp://127.0.0.1:65536/y\n{b}/bytes/3?seed=1\n"), 1,
                        files("{h}/bytes/3@seed=1"), Map.of("{b}/bytes/3?seed=1", OK, "http://127.0.0.1:99999/x", BAD,
                                "http://127.0.0.1:65536/y", BAD)),
                row("only_bad_lines_is_a_usage_error", bytes("ftp://127.0.0.1/x\nnot a url\n"), 2,
                        files(), Map.of("ftp://127.0.0.1/x", BAD, "not a url", BAD)),
                row("three_columns", bytes("{b}/bytes/3?seed=1 a.bin extra\n{b}/bytes/3?seed=2\n"), 1,
                        files("{h}/bytes/3@seed=2"), Map.of("{b}/bytes/3?seed=2", OK, "{b}/bytes/3?seed=1 a.bin extra", BAD)),
                row("duplicates_fetched_once", bytes("{b}/bytes/3?seed=1\n{B}/bytes/3?seed=1#fragment\n  {b}/bytes/3?seed=1  \n"), 0,
                        files("{h}/bytes/3@seed=1"), Map.of("{b}/bytes/3?seed=1", OK)),
                row("non_ascii_sent_as_utf8_escapes", bytes("{b}/anything/ü?x=ä\n{b}/anything/%C3%BC?x=%C3%A4\n"
                        + "http://" + "ü".repeat(64) + ".example/\n"), 1,
                        files("{h}/anything/ü@x=ä"), Map.of("{b}/anything/%C3%BC?x=%C3%A4", OK,
                                "http://" + "ü".repeat(64) + ".example/", BAD)),
                row("blank_lines_and_comments_only", bytes("\n   \n# nothing here\r\n\t\n"), 0, files(), Map.of()),
                row("traversal_in_the_path", bytes("{b}/anything/x/../../../../anything/escape\n"), 0,
                        files("{h}/anything/escape"), Map.of("{b}/anything/escape", OK)),
                row("encoded_traversal", bytes("{b}/anything/%2e%2e/%2e%2e/%2E%2E%2fescape\n"), 0,
                        // reported in the one form of escapes (upper-case hex; a dot stays escaped), saved as data
                        files("{h}/anything/._/._/.._escape"), Map.of("{b}/anything/%2E%2E/%2E%2E/%2E%2E%2Fescape", OK)),
                row("backslash_traversal", bytes("{b}/anything/..%5c..%5cescape\n"), 0,
                        files("{h}/anything/.._.._escape"), Map.of("{b}/anything/..%5C..%5Cescape", OK)),
                row("control_characters", bytes("{b}/anything/ctl%01%1b%7f%0a\n"), 0,
                        files("{h}/anything/ctl____"), Map.of("{b}/anything/ctl%01%1B%7F%0A", OK)),
                row("right_to_left_override", bytes("{b}/anything/invoice%E2%80%AEfdp.exe\n"), 0,
                        files("{h}/anything/invoice_fdp.exe"), Map.of("{b}/anything/invoice%E2%80%AEfdp.exe", OK)),
                row("reserved_names", bytes("{b}/anything/CON\n{b}/anything/nul.txt\n{b}/anything/dots...\n"), 0,
                        files("{h}/anything/_CON", "{h}/anything/_nul.txt", "{h}/anything/dots.._"),
                        Map.of("{b}/anything/CON", OK, "{b}/anything/nul.txt", OK, "{b}/anything/dots...", OK)),
                row("overlong_name", bytes("{b}/anything/" + longName + "\n"), 0,
                        files("{h}/anything/" + "x".repeat(191) + "~" + String.format("%08x", longName.hashCode())),
                        Map.of("{b}/anything/" + longName, OK)),
                row("hostile_second_columns", bytes("{b}/bytes/3?seed=1 ../../outside.bin\n{b}/bytes/3?seed=2 /etc/abs.bin\n"
                        + "{b}/bytes/3?seed=3 ./..\n"), 0,
                        files("._/._/outside.bin", "etc/abs.bin", "._~2"),
                        Map.of("{b}/bytes/3?seed=1", OK, "{b}/bytes/3?seed=2", OK, "{b}/bytes/3?seed=3", OK)),
                row("two_urls_one_name", bytes("{b}/bytes/3?seed=1 same.bin\n{b}/bytes/4?seed=2 same.bin\n"), 0,
                        files("same.bin", "same~2.bin"), Map.of("{b}/bytes/3?seed=1", OK, "{b}/bytes/4?seed=2", OK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInput(InputCase c) throws Exception {
        Path list = tmp.resolve("urls.txt");
        Files.write(list, fill(c.list));
        Cli cli = fetch(list.toString());

        assertThat(cli.exitCode).as(cli.err).isEqualTo(c.exit);
        Set<String> expectedFiles = c.files.stream().map(HostileInputTest::fill).collect(Collectors.toCollection(TreeSet::new));
        assertThat(Tree.files(out())).isEqualTo(expectedFiles);
        Map<String, String> got = new LinkedHashMap<>();
        for (JsonNode r : results().values()) {
            String outcome = r.get("outcome").asText().equals("ok") ? OK : r.get("reason").asText();
            got.put(r.get("url").asText(), outcome);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        c.outcomes.forEach((url, outcome) -> expected.put(url.startsWith("@") ? list + ":" + url.substring(1) : fill(url), outcome));
        assertThat(got).isEqualTo(expected);
        // Nothing outside the output directory (which goes again when nothing was saved in it).
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).contains("urls.txt", "report.json")
                .isSubsetOf("urls.txt", "out", "report.json");
    }

    private static InputCase row(String name, byte[] list, int exit, Set<String> files, Map<String, String> outcomes) {
        return new InputCase(name, list, exit, files, outcomes);
    }

    private static Set<String> files(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String fill(String template) {
        return template.replace("{b}", base).replace("{B}", base.toUpperCase(java.util.Locale.ROOT))
                .replace("{h}", FetchCommandTest.hostDir());
    }

    private static byte[] fill(byte[] template) {
        // placeholders are ASCII: replacing them in the ISO-8859-1 view keeps every other byte as it was
        return fill(new String(template, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
