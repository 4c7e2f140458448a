package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one gate list lines, redirects and links pass: what is admitted, in which form, and why not. */
class UrlsAdmitTest {
    private static final URI BASE = URI.create("https://example.com/docs/guide/page.html?x=1");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP://Example.COM:80/a/./b/../c#frag | http://example.com/a/c",
        "https://example.com:443 | https://example.com/",
        "https://example.com:8443/x?q=1 | https://example.com:8443/x?q=1",
        "http://user:secret@Example.com/x | http://user:secret@example.com/x",
        "http://bücher.example/ü | http://xn--bcher-kva.example/%C3%BC",
        "http://0x7f000001:8080/ | http://127.0.0.1:8080/",
        "http://[::1]:8080/x | http://[::1]:8080/x",
        "http://h.example/p?q=1#a#b | http://h.example/p?q=1",
    })
    void anAbsoluteUrlIsAdmittedInItsNormalForm(String text, String normal) {
        Urls.Admission a = Urls.admit(text, null);
        assertThat(a.admitted()).isTrue();
        assertThat(a.uri()).hasToString(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "other.html | https://example.com/docs/guide/other.html",
        "../api/ | https://example.com/docs/api/",
        "/../../root | https://example.com/root",
        "?y=2 | https://example.com/docs/guide/page.html?y=2",
        "#top | https://example.com/docs/guide/page.html?x=1",
        "#a#b | https://example.com/docs/guide/page.html?x=1",
        "other.html#a#b | https://example.com/docs/guide/other.html",
        "//cdn.Example.net/lib.js | https://cdn.example.net/lib.js",
        "http://other.example:80/ | http://other.example/",
        "sub/ü.html | https://example.com/docs/guide/sub/%C3%BC.html",
    })
    void aRelativeUrlIsResolvedAgainstItsBase(String text, String normal) {
        Urls.Admission a = Urls.admit(text, BASE);
        assertThat(a.admitted()).as(text).isTrue();
        assertThat(a.uri()).hasToString(normal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://example.com/f | NOT_HTTP",
        "mailto:someone@example.com | NOT_HTTP",
        "relative/path | NOT_HTTP",
        "http:///no-host | NO_HOST",
        "http://under_score.example/ | NO_HOST",
        "http://example.com:99999/ | BAD_PORT",
        "http://exa mple.com/ | UNREADABLE",
        "http://[::1.2.3.99999999999]/ | UNREADABLE",
        "http://256.0.0.1/ | BAD_HOST_NAME",
    })
    void whatIsNotFetchedHasAReason(String text, Urls.Refusal refusal) {
        Urls.Admission a = Urls.admit(text, null);
        assertThat(a.admitted()).isFalse();
        assertThat(a.uri()).isNull();
        assertThat(a.refusal()).isEqualTo(refusal);
    }

    @Test
    void aRelativeUrlWithAnotherSchemeIsRefusedAgainstABaseToo() {
        assertThat(Urls.admit("javascript:void(0)", BASE).refusal()).isEqualTo(Urls.Refusal.NOT_HTTP);
        assertThat(Urls.admit("data:text/plain,x", BASE).refusal()).isEqualTo(Urls.Refusal.NOT_HTTP);
    }

    @Test
    void aUrlAlreadyInNormalFormIsNotParsedAgain() {
        String text = "http://example.com/a?b=c";
        URI first = Urls.admit(text, null).uri();
        assertThat(first).hasToString(text);
        assertThat(Urls.admit(first.toString(), null).uri()).isEqualTo(first);
    }
}
