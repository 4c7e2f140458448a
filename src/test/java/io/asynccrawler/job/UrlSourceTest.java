package io.asynccrawler.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlSourceTest {
    @TempDir
    Path tmp;

    static List<UrlSource.Entry> all(UrlSource source) {
        List<UrlSource.Entry> out = new ArrayList<>();
        source.forEachRemaining(out::add);
        return out;
    }

    static List<UrlSource.Entry> read(String content) {
        InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        return all(new UrlSource(List.of("-"), in));
    }

    @Test
    void skipsBlanksAndCommentsAndReadsTheSecondColumn() {
        List<UrlSource.Entry> e = read("# c\n\n  http://a/x  \n\thttps://b/y out/y.bin\n");
        assertThat(e).extracting(x -> x.uri().toString()).containsExactly("http://a/x", "https://b/y");
        assertThat(e.get(1).explicitPath()).isEqualTo("out/y.bin");
        assertThat(e.get(1).location()).isEqualTo("stdin:4");
    }

    @Test
    void handlesCrlfAndAByteOrderMark() {
        List<UrlSource.Entry> e = read("\uFEFFhttp://a/1\r\nhttp://a/2\r\n");
        assertThat(e).extracting(x -> x.uri().toString()).containsExactly("http://a/1", "http://a/2");
    }

    @Test
    void reportsBadLinesWithTheirNumbersAndGoesOn() throws Exception {
        Path file = Files.writeString(tmp.resolve("urls.txt"), "http://a/1\nftp://x\n:bad\nhttp://\nhttp://a/2\n");
        List<UrlSource.Entry> e = all(new UrlSource(List.of(file.toString()), InputStream.nullInputStream()));
        assertThat(e).extracting(x -> x.isError() ? x.location() + ": " + x.error() : x.uri().toString()).containsExactly(
                "http://a/1",
                file + ":2: not an http(s) URL: ftp://x",
                file + ":3: not a valid URL: :bad",
                file + ":4: not a valid URL: http://",
                "http://a/2");
    }

    @Test
    void aLinesEscapeSequencesAreNeverEchoedAsTheyAre() {
        // a hostile list could recolour, retitle or clear the terminal its bad lines are printed on
        List<UrlSource.Entry> e = read("http://a/\u001b[31mred\u0007\n\u001b]0;TITLE\u0007not a url\nx\u202ey\u009b2J\n");
        assertThat(e).extracting(x -> x.location() + ": " + x.error()).containsExactly(
                "stdin:1: not a valid URL: http://a/\\e[31mred\\x07",
                "stdin:2: not a URL: \\e]0;TITLE\\x07not a url",
                "stdin:3: not an http(s) URL: x\\u202ey\\x9b2J");
        assertThat(e.get(1).input()).as("as given, for the report").isEqualTo("\u001b]0;TITLE\u0007not a url");
    }

    @Test
    void aUrlWithASpaceOnTheCommandLineIsEncodedAndAListsWordsAreNotAUrl() {
        List<UrlSource.Entry> args = all(new UrlSource(List.of("http://a/my file.html"), InputStream.nullInputStream()));
        assertThat(args).extracting(x -> x.uri().toString()).containsExactly("http://a/my%20file.html");
        assertThat(read("http://a/x out.bin extra\nplease fetch this\n")).extracting(UrlSource.Entry::error).containsExactly(
                "more than two columns (URL and output path): http://a/x out.bin extra", "not a URL: please fetch this");
    }

    @Test
    void anIpv6LiteralWhoseIpv4TailOverflowsIsABadLine() {
        // java.net.URI throws NumberFormatException here, not URISyntaxException (found by fuzzing)
        List<UrlSource.Entry> e = read("http://[::199999999999999999999.9]/x\nhttp://[::1.2.3.99999999999]/y\nhttp://a/ok\n");
        assertThat(e).extracting(x -> x.isError() ? x.location() + ": " + x.error() : x.uri().toString()).containsExactly(
                "stdin:1: not a valid URL: http://[::199999999999999999999.9]/x",
                "stdin:2: not a valid URL: http://[::1.2.3.99999999999]/y",
                "http://a/ok");
    }

    @Test
    void invalidUtf8AndHugeLinesAreReportedNotFatal() throws Exception {
        byte[] bad = {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xff, (byte) 0xfe, '\n'};
        Path file = tmp.resolve("bin.txt");
        Files.write(file, bad);
        Files.writeString(file, "http://a/" + "x".repeat(UrlSource.MAX_LINE + 10) + "\nhttp://a/ok\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<UrlSource.Entry> e = all(new UrlSource(List.of(file.toString()), InputStream.nullInputStream()));
        assertThat(e).hasSize(3);
        assertThat(e.get(1).error()).contains("longer than");
        assertThat(e.get(2).uri().toString()).isEqualTo("http://a/ok");
    }

    @Test
    void dropsDuplicatesInTheirNormalForm() {
        UrlSource source = new UrlSource(List.of("-"), new ByteArrayInputStream(
                "http://A:80/x#frag\nhttp://a/x\nHTTP://a/x\nhttp://a/y\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(all(source)).extracting(x -> x.uri().toString()).containsExactly("http://a/x", "http://a/y");
        assertThat(source.duplicates()).isEqualTo(2);
    }

    @Test
    void mixesArgumentsAndFilesAndReportsMissingFiles() throws Exception {
        Path file = Files.writeString(tmp.resolve("l.txt"), "http://a/2\n");
        List<UrlSource.Entry> e = all(new UrlSource(List.of("http://a/1", file.toString(), "nope.txt"), InputStream.nullInputStream()));
        assertThat(e.get(0).uri().toString()).isEqualTo("http://a/1");
        assertThat(e.get(0).location()).isEqualTo("argument 1");
        assertThat(e.get(1).uri().toString()).isEqualTo("http://a/2");
        assertThat(e.get(2).error()).isEqualTo("no such file, and not a URL: nope.txt");
    }

    @Test
    void readsLazily() {
        // An endless list: taking three entries reads a little of it, not all of it.
        long[] served = {0};
        InputStream endless = new InputStream() {
            private byte[] line = new byte[0];
            private int at;
            private long n;

            @Override
            public int read() {
                if (at == line.length) {
                    line = ("http://a/" + n++ + "\n").getBytes(StandardCharsets.US_ASCII);
                    at = 0;
                }
                served[0]++;
                return line[at++];
            }
        };
        UrlSource source = new UrlSource(List.of("-"), endless);
        assertThat(source.next().uri().toString()).isEqualTo("http://a/0");
        assertThat(source.next().uri().toString()).isEqualTo("http://a/1");
        assertThat(source.next().uri().toString()).isEqualTo("http://a/2");
        assertThat(served[0]).isLessThan(1 << 20);
    }

    /** The progress line's total from the first second: a list's URL lines counted ahead, as the job would read them. */
    @Test
    void aListsSizeIsCountedAheadAndStdinIsNot() throws Exception {
        Path list = Files.writeString(tmp.resolve("size.txt"),
                "# a comment\r\nhttp://a/1\r\n\r\n   \n  http://a/2 two.bin\n\t# indented comment\nhttp://a/3");
        assertThat(ListSize.urlLines(list)).isEqualTo(3);
        try (UrlSource source = new UrlSource(List.of(list.toString(), "http://b/x"), InputStream.nullInputStream())) {
            assertThat(source.expectedTotal().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4);
        }
        assertThat(ListSize.of(List.of(list.toString(), "-"))).as("stdin can be read once only").isEqualTo(-1);
        assertThat(ListSize.of(List.of(tmp.toString()))).as("a directory").isEqualTo(-1);
    }
}
