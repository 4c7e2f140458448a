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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The WHATWG URL Standard's IPv4 forms, as browsers and curl read them.
        "http://127.1/ | http://127.0.0.1/",
        "http://127.1:8080/a.b?c.d | http://127.0.0.1:8080/a.b?c.d",
        "http://0x7f000001/ | http://127.0.0.1/",
        "http://2130706433/ | http://127.0.0.1/",
        "http://0177.0.0.1/ | http://127.0.0.1/", // octal: the JDK's resolver would read 177.0.0.1
        "http://0X7F.0.0.01/ | http://127.0.0.1/",
        "http://127.0.0.1./ | http://127.0.0.1/",
        "http://user:pw@10.1/x | http://user:pw@10.0.0.1/x",
        "http://0x/ | http://0.0.0.0/",
        "http://255.255.255.255/ | http://255.255.255.255/",
        "http://1.2.65535/ | http://1.2.255.255/",
        "//127.1/x | //127.0.0.1/x",
        // Names, left as they are: the last label does not read as a number.
        "http://123.example/ | http://123.example/",
        "http://example.1abc/ | http://example.1abc/",
        "http://example.0x1g/ | http://example.0x1g/",
        "http://[::1]:80/ | http://[::1]:80/",
        "file:///tmp/1.2 | file:///tmp/1.2",
    })
    void aHostThatEndsInANumberIsAnIpv4Address(String given, String sent) {
        assertThat(AsciiUrl.of(given)).isEqualTo(sent);
        assertThat(AsciiUrl.ofHeader(given)).isEqualTo(sent);
    }

    @Test
    void aDottedQuadIsReturnedAsItIs() {
        String url = "http://127.0.0.1:8080/a";
        assertThat(AsciiUrl.of(url)).isSameAs(url);
    }

    @ParameterizedTest
    @CsvSource({
        "http://1.2.3.4.5/", "http://256.0.0.1/", "http://1.2.3.256/", "http://1.2.65536/", "http://4294967296/",
        "http://08.0.0.1/", "http://0x1g.1/", "http://1..2/", "http://example.1/", "http://a.b.0x10/", "http://bücher.1.2/",
    })
    void aHostThatEndsInANumberButIsNoAddressIsAnError(String url) {
        assertThatThrownBy(() -> AsciiUrl.of(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an IPv4 address: ");
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
