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
}
