package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {
    private static InetSocketAddress address(String url) {
        return Origin.of(URI.create(url)).address();
    }

    @Test
    void ipLiteralsComeParsedSoTheConnectSkipsTheResolver() {
        InetSocketAddress v4 = address("http://127.0.0.1:18080/x");
        assertThat(v4.isUnresolved()).isFalse();
        assertThat(v4.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(v4.getHostString()).isEqualTo("127.0.0.1"); // named as written: no reverse lookup
        assertThat(v4.getPort()).isEqualTo(18080);

        InetSocketAddress v6 = address("https://[::1]/x");
        assertThat(v6.isUnresolved()).isFalse();
        assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
        assertThat(v6.getPort()).isEqualTo(443);
    }

    @Test
    void namesAndZonedLiteralsAreLeftToTheResolver() {
        InetSocketAddress name = address("http://example.com/x");
        assertThat(name.isUnresolved()).isTrue();
        assertThat(name.getHostString()).isEqualTo("example.com");
        assertThat(name.getPort()).isEqualTo(80);

        // Almost an IPv4 literal, but a name to the resolver.
        assertThat(address("http://127.0.0.1.nip.io/").isUnresolved()).isTrue();
        // A zone (%25 in a URL, RFC 6874) goes through InetAddress, which keeps it; Netty's parser would drop it.
        InetSocketAddress zoned = address("http://[fe80::1%25lo]:8080/");
        assertThat(zoned.isUnresolved()).isTrue();
        assertThat(zoned.getHostString()).isEqualTo("fe80::1%lo");
    }

    @Test
    void theHostHeaderNamesNoZoneAndOnlyAnOddPort() {
        assertThat(Origin.of(URI.create("http://[fe80::1%25eth0]:8080/")).hostHeader()).isEqualTo("[fe80::1]:8080");
        assertThat(Origin.of(URI.create("https://[::1]/")).hostHeader()).isEqualTo("[::1]");
        assertThat(Origin.of(URI.create("http://Example.COM:80/")).hostHeader()).isEqualTo("example.com");
        assertThat(Origin.of(URI.create("http://example.com:8080/")).hostHeader()).isEqualTo("example.com:8080");
    }
}
