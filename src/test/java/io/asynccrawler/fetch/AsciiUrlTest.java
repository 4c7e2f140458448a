package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsciiUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://bücher.example/a | http://xn--bcher-kva.example/a",
        "https://user:pässword@BÜCHER.example:8443/ü?q=ä#frag | https://user:p%C3%A4ssword@xn--bcher-kva.example:8443/%C3%BC?q=%C3%A4#frag",
        "http://例え.テスト/ | http://xn--r8jz45g.xn--zckzah/",
        "http://bücher.example | http://xn--bcher-kva.example",
        "http://example.com/€/日本?x=😀 | http://example.com/%E2%82%AC/%E6%97%A5%E6%9C%AC?x=%F0%9F%98%80",
        "http://[::1]:8080/ü | http://[::1]:8080/%C3%BC",
        "/relative/ü | /relative/%C3%BC",
        "//bücher.example/x | //xn--bcher-kva.example/x",
        "http://faß.example/ | http://fass.example/", // IDNA 2003, as java.net.IDN
    })
    void nonAsciiBecomesWhatGoesOnTheWire(String given, String sent) {
        assertThat(AsciiUrl.of(given)).isEqualTo(sent);
    }

    @Test
    void anAsciiUrlIsReturnedAsItIs() {
        String url = "http://example.com/a%20b?c=d#e";
        assertThat(AsciiUrl.of(url)).isSameAs(url);
        assertThat(AsciiUrl.ofHeader(url)).isSameAs(url);
    }

    @Test
    void aHostIdnaRefusesIsAnError() {
        assertThatThrownBy(() -> AsciiUrl.of("http://" + "ü".repeat(64) + ".example/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLocationInRawUtf8IsReadAsUtf8() {
        // How the transports hand over a header: one char per byte.
        String header = new String("http://bücher.example/ü?x=ä".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(AsciiUrl.ofHeader(header)).isEqualTo("http://xn--bcher-kva.example/%C3%BC?x=%C3%A4");
    }

    @Test
    void aLocationInAnotherEncodingKeepsItsBytes() {
        // ISO-8859-1 "ü" is the byte 0xFC, not UTF-8: sent back as that byte, as curl does.
        String header = new String("/caf\u00e9 menu".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertThat(AsciiUrl.ofHeader(header)).isEqualTo("/caf%E9%20menu");
    }

    @Test
    void spacesInALocationAreEncoded() {
        assertThat(AsciiUrl.ofHeader("/a b/c d")).isEqualTo("/a%20b/c%20d");
    }
}
