package io.asynccrawler.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPathsTest {
    static String path(String url) {
        return TargetPaths.forUrl(URI.create(url)).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://Example.COM/a/b.txt|example.com/a/b.txt",
        "http://example.com|example.com/index.html",
        "http://example.com/|example.com/index.html",
        "http://example.com/dir/|example.com/dir/index.html",
        "http://example.com:8080/x|example.com_8080/x",
        "https://example.com:443/x|example.com/x",
        "http://example.com/a//b|example.com/a/b",
        "http://example.com/q?b=2&a=1|example.com/q@b=2&a=1",
        "http://example.com/?x=1|example.com/index.html@x=1",
        "http://example.com/a%20b|example.com/a b",
        "http://example.com/caf%C3%A9|example.com/café",
    })
    void mirrorsHostAndPath(String url, String expected) {
        assertThat(path(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://h/../../etc/passwd|h/._/._/etc/passwd",
        "http://h/%2e%2e/%2E%2E/x|h/._/._/x",
        "http://h/a/./b|h/a/_/b",
        "http://h/a%2fb|h/a_b",
        "http://h/a%5cb|h/a_b",
        "http://h/a%00b%01c%0a|h/a_b_c_",
        "http://h/CON|h/_CON",
        "http://h/aux.txt|h/_aux.txt",
        "http://h/lpt1|h/_lpt1",
        "http://h/evil%E2%80%AEtxt.exe|h/evil_txt.exe",
        "http://h/trailing.|h/trailing_",
        "http://h/a:b*c|h/a_b_c",
        "http://h/a.part|h/a.part_",
        "http://h/a.PART|h/a.PART_",
        "http://h/a.part.meta|h/a.part.meta_",
        "http://h/d.part/x|h/d.part_/x",
        "http://h/a.part?q|h/a.part@q",
        "http://h/part|h/part",
        "http://h/a.parts|h/a.parts",
    })
    void neutralisesHostileSegments(String url, String expected) {
        assertThat(path(url)).isEqualTo(expected);
    }

    @Test
    void shortensLongNamesKeepingThemDistinct() {
        String longA = "a".repeat(300);
        String longB = "a".repeat(299) + "b";
        String a = TargetPaths.forUrl(URI.create("http://h/" + longA)).getFileName().toString();
        String b = TargetPaths.forUrl(URI.create("http://h/" + longB)).getFileName().toString();
        assertThat(a.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TargetPaths.MAX_NAME_BYTES);
        assertThat(a).isNotEqualTo(b);
        String multibyte = TargetPaths.forUrl(URI.create("http://h/" + "%C3%A9".repeat(200))).getFileName().toString();
        assertThat(multibyte.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TargetPaths.MAX_NAME_BYTES);
    }

    @Test
    void foldsVeryDeepPaths() {
        Path p = TargetPaths.forUrl(URI.create("http://h/" + "d/".repeat(100) + "f"));
        assertThat(p.getNameCount()).isLessThanOrEqualTo(TargetPaths.MAX_DEPTH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../evil|._/._/evil",
        "/etc/passwd|etc/passwd",
        "a\\..\\b|a/._/b",
        "./x/./y|x/y",
        "/|_",
        "x/a.part|x/a.part_",
        "a.part.meta|a.part.meta_",
    })
    void explicitPathsAreSanitisedToo(String given, String expected) {
        assertThat(TargetPaths.forExplicit(given).toString()).isEqualTo(expected);
    }
}
