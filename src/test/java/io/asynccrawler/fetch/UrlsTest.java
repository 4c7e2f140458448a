package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {
    @ParameterizedTest
    @CsvSource({
        "/a/b/c/./../../g, /a/g", // RFC 3986 §5.2.4
        "mid/content=5/../6, mid/6",
        "/../../../x, /x",
        "/a/b/.., /a/",
        "/a/b/., /a/b/",
        "/a//b/../c, /a//c",
        "/.hidden/..., /.hidden/...",
        "/%2e%2e/x, /%2e%2e/x",
        "/, /",
        "/.., /",
    })
    void removesDotSegmentsLikeRfc3986(String path, String expected) {
        assertThat(UrlPaths.removeDotSegments(path)).isEqualTo(expected);
    }

    /** RFC 3986 §5.2.4 as the gate first had it: segments split, kept on a deque, joined. */
    private static String removeDotSegmentsBySplitting(String path) {
        ArrayDeque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        boolean absolute = path.startsWith("/");
        for (int i = absolute ? 1 : 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..")) {
                    out.pollLast();
                }
                if (i == segments.length - 1) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return (absolute ? "/" : "") + String.join("/", out);
    }

    /** Paths and references of the pieces that trip dot-segment removal, drawn at random. */
    private static String randomPath(Random random, boolean absolute) {
        List<String> pieces = List.of("a", "b", ".", "..", "", "x.html", "...", ".a", "a.", "~c", "-_");
        StringBuilder s = new StringBuilder(absolute ? "/" : "");
        int segments = 1 + random.nextInt(7);
        for (int k = 0; k < segments; k++) {
            s.append(k > 0 ? "/" : "").append(pieces.get(random.nextInt(pieces.size())));
        }
        return s.toString();
    }

    @Test
    void dotSegmentsGoAsSplittingTheSegmentsTakesThem() {
        Random random = new Random(23);
        for (int i = 0; i < 200_000; i++) {
            String path = randomPath(random, random.nextBoolean());
            assertThat(UrlPaths.removeDotSegments(path)).as(path).isEqualTo(removeDotSegmentsBySplitting(path));
        }
    }

    @Test
    void aPlainPathResolvesOnTheStringAsTheGateResolvesIt() {
        Random random = new Random(27);
        List<String> bases = List.of("http://h.example/", "http://h.example/a/b/c.html", "https://h.example:8443/a/b/",
                "http://127.0.0.1:18193/java.base/java/lang/String.html?x=/y/z", "http://[::1]:8080/d/e");
        int resolved = 0;
        for (int i = 0; i < 100_000; i++) {
            URI base = Urls.admit(bases.get(random.nextInt(bases.size())), null).uri();
            String reference = randomPath(random, random.nextInt(4) == 0);
            String plain = UrlPaths.resolvePlainPath(reference, base);
            // java.net.URI's resolve also merges "//" where it removes dot segments (a//b/.. is a/
            // there, a// by RFC 3986 and by the gate for an absolute URL): those are left out
            if (plain != null && !reference.contains("//")) {
                resolved++;
                assertThat(plain).as(reference + " against " + base).isEqualTo(Urls.admit(reference, base).uri().toString());
            }
        }
        assertThat(resolved).as("most are plain").isGreaterThan(75_000);
        for (int i = 0; i < 100_000; i++) { // the leading dot segments taken on the base's directory: as merging and scanning whole
            URI base = Urls.admit(bases.get(random.nextInt(bases.size())), null).uri();
            UrlPaths.PlainBase parts = UrlPaths.PlainBase.of(base);
            String reference = randomPath(random, false);
            String plain = UrlPaths.resolvePlainPath(reference, parts);
            if (plain != null) {
                assertThat(plain).as(reference + " against " + base)
                        .isEqualTo(parts.prefix() + UrlPaths.removeDotSegments(reference.startsWith("/") ? reference
                                : parts.directory() + reference)); // a first piece "" makes a path from the root
            }
        }
        for (String notPlain : List.of("//other.example/x", "?q=1", "a?b", "a%20b", "http://x/", "a:b", "a b", "#f", "é")) {
            assertThat(UrlPaths.resolvePlainPath(notPlain, URI.create("http://h.example/a/"))).as(notPlain).isNull();
        }
        assertThat(UrlPaths.resolvePlainPath("x", URI.create("http://user@h.example/a/"))).as("user-info: the gate decides").isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/c%7e/%41b%2d%5F|/c~/Ab-_", // unreserved: decoded
        "/a%2fb/%c3%a9|/a%2Fb/%C3%A9", // reserved and non-ASCII: kept, upper-case hex
        "/%2e%2e/x|/%2E%2E/x", // a dot stays escaped: decoded it would make a dot segment
        "/100%|/100%", // not an escape: as it is
        "/%4|/%4",
        "/plain|/plain",
    })
    void percentEscapesHaveOneForm(String raw, String expected) {
        assertThat(Urls.canonicalEscapes(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://Example.ORG:80/c%7e?x=%7e&b=1&a=2#f|http://example.org/c~?x=~&b=1&a=2",
        "http://example.org/a/%2e%2e/b|http://example.org/a/%2E%2E/b",
    })
    void theSpellingsOfOneUrlAreAdmittedAsOne(String given, String expected) {
        assertThat(Urls.admit(given, null).uri()).hasToString(expected);
    }
}
