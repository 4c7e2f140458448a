package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxiesTest {
    private static String via(Proxies proxies, String url) {
        Proxy p = proxies.forUri(URI.create(url));
        return p == null ? "direct" : p.toString();
    }

    @Test
    void aProxyUrlIsReadAsCurlReadsIt() {
        assertThat(Proxy.parse("proxy.corp")).isEqualTo(new Proxy(Proxy.Kind.HTTP, "proxy.corp", 1080, null, null));
        assertThat(Proxy.parse("http://127.0.0.1:3128/")).isEqualTo(new Proxy(Proxy.Kind.HTTP, "127.0.0.1", 3128, null, null));
        assertThat(Proxy.parse("SOCKS5H://u%40corp:p%3Ass+@[::1]:9050"))
                .isEqualTo(new Proxy(Proxy.Kind.SOCKS5H, "::1", 9050, "u@corp", "p:ss+"));
        assertThat(Proxy.parse("socks5://u@h").password()).isEmpty();
        assertThat(Proxy.parse("http://alice:secret@h:8080")).hasToString("http://alice:***@h:8080");
        assertThat(Proxy.parse("http://alice:secret@h:8080").basicAuthorization()).isEqualTo("Basic YWxpY2U6c2VjcmV0");
        assertThat(Proxy.parse("socks5h://[::1]:9050").authority()).isEqualTo("[::1]:9050");
        assertThatThrownBy(() -> Proxy.parse("https://h:443")).hasMessageContaining("https://) is not supported");
        assertThatThrownBy(() -> Proxy.parse("socks4://h")).hasMessageContaining("SOCKS4 is not supported");
        assertThatThrownBy(() -> Proxy.parse("ftp://h")).hasMessageContaining("unknown proxy scheme ftp://");
        assertThatThrownBy(() -> Proxy.parse("http://h:3128/path")).hasMessageContaining("without a path");
        assertThatThrownBy(() -> Proxy.parse("http://")).hasMessageContaining("proxy");
    }

    @Test
    void theEnvironmentIsReadAsCurlReadsIt() {
        Proxies env = Proxies.of(null, null, Map.of("http_proxy", "http://p1:1", "HTTP_PROXY", "http://cgi:2",
                "HTTPS_PROXY", "http://p2:3", "all_proxy", "socks5h://p3:4"));
        assertThat(via(env, "http://a.example/")).isEqualTo("http://p1:1");
        assertThat(via(env, "https://a.example/")).isEqualTo("http://p2:3");
        Proxies upperOnly = Proxies.of(null, null, Map.of("HTTP_PROXY", "http://cgi:2", "ALL_PROXY", "socks5://p3:4"));
        assertThat(via(upperOnly, "http://a.example/")).as("HTTP_PROXY is a request header's, in CGI").isEqualTo("socks5://p3:4");
        assertThat(via(upperOnly, "https://a.example/")).isEqualTo("socks5://p3:4");
        Proxies lowerFirst = Proxies.of(null, null, Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:1"));
        assertThat(via(lowerFirst, "https://a.example/")).isEqualTo("http://lower:1");
        assertThat(via(lowerFirst, "http://a.example/")).isEqualTo("direct");
        assertThat(Proxies.of(null, null, Map.of("http_proxy", "", "https_proxy", " "))).isSameAs(Proxies.NONE);
        assertThat(Proxies.of(null, null, Map.of())).isSameAs(Proxies.NONE);
    }

    @Test
    void theOptionWinsOverTheEnvironmentAndAnEmptyOneTurnsItOff() {
        Map<String, String> env = Map.of("http_proxy", "http://env:1", "no_proxy", "a.example");
        assertThat(via(Proxies.of("socks5h://opt:2", null, env), "http://b.example/")).isEqualTo("socks5h://opt:2");
        assertThat(via(Proxies.of("socks5h://opt:2", null, env), "https://b.example/")).isEqualTo("socks5h://opt:2");
        assertThat(via(Proxies.of("socks5h://opt:2", null, env), "http://a.example/")).as("NO_PROXY applies to -x").isEqualTo("direct");
        assertThat(via(Proxies.of("socks5h://opt:2", "", env), "http://a.example/")).as("--noproxy '' wins").isEqualTo("socks5h://opt:2");
        assertThat(Proxies.of("", null, env)).isSameAs(Proxies.NONE);
        assertThatThrownBy(() -> Proxies.of(null, null, Map.of("https_proxy", "socks4://u:pw@h")))
                .hasMessage("https_proxy: SOCKS4 is not supported: use socks5:// or socks5h://: socks4://u:***@h");
        assertThatThrownBy(() -> Proxies.of("ftp://h", null, Map.of())).hasMessageStartingWith("--proxy: unknown proxy scheme");
    }

    @Test
    void noProxyMatchesNamesBelowAndAddressesInRangesAsCurlDoes() {
        NoProxy list = NoProxy.parse(" example.com, .corp.internal., 10.0.0.0/8, 192.168.1.7, ::1, [fd00::]/8, bad/99");
        assertThat(list.matches("example.com")).isTrue();
        assertThat(list.matches("WWW.Example.com.")).isTrue();
        assertThat(list.matches("badexample.com")).isFalse();
        assertThat(list.matches("corp.internal")).isTrue();
        assertThat(list.matches("git.corp.internal")).isTrue();
        assertThat(list.matches("10.200.3.4")).isTrue();
        assertThat(list.matches("11.0.0.1")).isFalse();
        assertThat(list.matches("192.168.1.7")).isTrue();
        assertThat(list.matches("192.168.1.8")).isFalse();
        assertThat(list.matches("[::1]")).isTrue();
        assertThat(list.matches("[fd12:3456::1]")).isTrue();
        assertThat(list.matches("[fe80::1%25eth0]")).isFalse();
        assertThat(list.matches("[2001:db8::1]")).isFalse();
        assertThat(list.matches("10.example")).as("a name is never matched to a range").isFalse();
        assertThat(NoProxy.parse("*").matches("anything.at.all")).isTrue();
        assertThat(NoProxy.parse("*.example.com").matches("www.example.com")).as("no wildcards, as curl").isFalse();
        assertThat(NoProxy.parse(null).matches("localhost")).isFalse();
    }
}
