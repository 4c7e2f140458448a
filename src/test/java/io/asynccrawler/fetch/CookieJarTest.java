package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.crawl.PublicSuffixes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieJarTest {
    private final CookieJar jar = new CookieJar(PublicSuffixes::isPublicSuffix);

    @TempDir
    Path tmp;

    private void set(String url, String... lines) {
        jar.receive(URI.create(url), List.of(lines));
    }

    private String sent(String url) {
        return jar.header(URI.create(url));
    }

    @Test
    void hostOnlyAndDomainCookiesGoWhereRfc6265SendsThem() {
        set("http://www.example.com/a/b", "host=1", "dom=2; Domain=.Example.com", "other=3; Domain=elsewhere.com");
        assertThat(sent("http://www.example.com/a/c")).isEqualTo("host=1; dom=2");
        assertThat(sent("http://example.com/a/")).as("a host-only cookie stays with its host").isEqualTo("dom=2");
        assertThat(sent("http://sub.www.example.com/a/")).isEqualTo("dom=2");
        assertThat(sent("http://badexample.com/")).isNull();
        assertThat(sent("http://elsewhere.com/")).as("a Domain the host is not under is ignored").isNull();
        assertThat(sent("http://www.example.com/")).as("the default path, /a: not sent to /").isNull();
    }

    @Test
    void pathSecureAndExpiryAreKept() {
        set("http://h.example/", "p=1; Path=/docs", "s=2; Secure", "gone=3; Max-Age=0", "old=4; Expires=Wed, 09-Jun-2021 10:18:14 GMT",
                "later=5; Expires=Fri, 31 Dec 2100 23:59:59 GMT");
        assertThat(sent("http://h.example/docs/x")).isEqualTo("p=1; later=5");
        assertThat(sent("http://h.example/docsx")).as("/docs is no prefix of /docsx").isEqualTo("later=5");
        assertThat(sent("https://h.example/docs")).isEqualTo("p=1; s=2; later=5");
        set("http://h.example/", "later=; Max-Age=0");
        assertThat(sent("https://h.example/")).as("deleted by an expiry in the past").isEqualTo("s=2");
    }

    @Test
    void aCookieForAPublicSuffixIsRefusedUnlessItIsTheHostItself() {
        set("http://shop.example.co.uk/", "wide=1; Domain=co.uk", "pages=2; Domain=github.io");
        assertThat(sent("http://other.co.uk/")).isNull();
        assertThat(sent("http://shop.example.co.uk/")).isNull();
        set("http://github.io/", "self=3; Domain=github.io");
        assertThat(sent("http://github.io/")).isEqualTo("self=3");
        assertThat(sent("http://someone.github.io/")).as("the host's alone").isNull();
    }

    @Test
    void aDomainKeepsFiftyCookiesTheOldestGivingWay() {
        for (int i = 0; i < 60; i++) {
            set("http://h.example/", "c" + i + "=" + i);
        }
        assertThat(sent("http://h.example/")).startsWith("c10=10;").endsWith("c59=59");
        assertThat(jar.all()).hasSize(50);
    }

    @Test
    void theNetscapeFileRoundTripsAndIsTheOwnersAlone() throws Exception {
        set("https://www.example.com/app/x", "sid=abc; Path=/app; Secure; HttpOnly; Max-Age=3600", "lang=en; Domain=example.com");
        Path file = tmp.resolve("cookies.txt");
        NetscapeCookies.write(file, jar.all());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).contains("#HttpOnly_www.example.com\tFALSE\t/app\tTRUE\t", "\tsid\tabc\n",
                ".example.com\tTRUE\t/app\tFALSE\t0\tlang\ten\n");
        CookieJar again = new CookieJar(PublicSuffixes::isPublicSuffix);
        again.load(NetscapeCookies.read(file));
        assertThat(again.header(URI.create("https://www.example.com/app/y"))).isEqualTo("sid=abc; lang=en");
        assertThat(again.all()).isEqualTo(jar.all());
    }
}
