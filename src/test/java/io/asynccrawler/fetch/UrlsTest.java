package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Urls.removeDotSegments(path)).isEqualTo(expected);
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
