package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a saved page links to, as a crawler should read it. */
class LinkExtractorTest {
    private static final URI PAGE = URI.create("http://site.example/docs/guide/index.html");

    @TempDir
    Path tmp;

    private final LinkExtractor extractor = new LinkExtractor(LinkExtractor.DEFAULT_MAX_PAGE_BYTES, LinkExtractor.DEFAULT_MAX_LINKS);

    private PageLinks html(String body) throws IOException {
        return page(body, "text/html");
    }

    private PageLinks page(String body, String contentType) throws IOException {
        Path file = Files.writeString(tmp.resolve("page"), body);
        return extractor.extract(file, contentType, PAGE);
    }

    @Test
    void everyKindOfLinkIsFoundResolvedAndSortedIntoPagesAndRequisites() throws IOException {
        PageLinks links = html("""
                <!doctype html><html><head>
                <link rel="stylesheet" href="../css/site.css">
                <link rel="icon" href="/favicon.ico"><link rel="next" href="page2.html">
                <script src="//cdn.example.net/app.js"></script>
                <style>body { background: url("img/bg.png") } @import 'print.css';</style>
                <meta http-equiv="refresh" content="30; URL='later.html'">
                </head><body background="tile.gif">
                <a href="a.html">a</a> <a href="HTTP://Site.Example:80/docs/./b.html#part">b</a>
                <map><area href="c.html"></map>
                <img src="img/one.png" srcset="img/one-2x.png 2x, img/one-3x.png 3x">
                <picture><source srcset="img/w400.webp 400w,img/w800.webp 800w"></picture>
                <iframe src="frame.html"></iframe><video src="v.mp4" poster="v.jpg"></video>
                <object data="o.swf"></object><input type="image" src="go.png">
                <p style="background-image: url(img/p.png)">x</p>
                </body></html>
                """);
        assertThat(links.links()).extracting(l -> l.uri().toString(), Link::kind, Link::from).containsExactly(
                tuple("http://site.example/docs/css/site.css", Link.Kind.REQUISITE, "link href"),
                tuple("http://site.example/favicon.ico", Link.Kind.REQUISITE, "link href"),
                tuple("http://site.example/docs/guide/page2.html", Link.Kind.PAGE, "link href"),
                tuple("http://cdn.example.net/app.js", Link.Kind.REQUISITE, "script src"),
                tuple("http://site.example/docs/guide/print.css", Link.Kind.REQUISITE, "style @import"),
                tuple("http://site.example/docs/guide/img/bg.png", Link.Kind.REQUISITE, "style url"),
                tuple("http://site.example/docs/guide/later.html", Link.Kind.PAGE, "meta refresh"),
                tuple("http://site.example/docs/guide/tile.gif", Link.Kind.REQUISITE, "body background"),
                tuple("http://site.example/docs/guide/a.html", Link.Kind.PAGE, "a href"),
                tuple("http://site.example/docs/b.html", Link.Kind.PAGE, "a href"),
                tuple("http://site.example/docs/guide/c.html", Link.Kind.PAGE, "area href"),
                tuple("http://site.example/docs/guide/img/one.png", Link.Kind.REQUISITE, "img src"),
                tuple("http://site.example/docs/guide/img/one-2x.png", Link.Kind.REQUISITE, "img srcset"),
                tuple("http://site.example/docs/guide/img/one-3x.png", Link.Kind.REQUISITE, "img srcset"),
                tuple("http://site.example/docs/guide/img/w400.webp", Link.Kind.REQUISITE, "source srcset"),
                tuple("http://site.example/docs/guide/img/w800.webp", Link.Kind.REQUISITE, "source srcset"),
                tuple("http://site.example/docs/guide/frame.html", Link.Kind.REQUISITE, "iframe src"),
                tuple("http://site.example/docs/guide/v.mp4", Link.Kind.REQUISITE, "video src"),
                tuple("http://site.example/docs/guide/v.jpg", Link.Kind.REQUISITE, "video poster"),
                tuple("http://site.example/docs/guide/o.swf", Link.Kind.REQUISITE, "object data"),
                tuple("http://site.example/docs/guide/go.png", Link.Kind.REQUISITE, "input src"),
                tuple("http://site.example/docs/guide/img/p.png", Link.Kind.REQUISITE, "p style url"));
        assertThat(links.read()).isEqualTo(PageLinks.Read.WHOLE);
        assertThat(links.nofollow()).isFalse();
    }

    @Test
    void baseHrefRebasesWhatFollowsIt() throws IOException {
        PageLinks links = html("<head><base href=\"http://other.example/root/\"></head><a href=\"x.html\">x</a>"
                + "<a href=\"/abs\">y</a><a href=\"?q=1\">z</a>");
        assertThat(links.links()).extracting(l -> l.uri().toString())
                .containsExactly("http://other.example/root/x.html", "http://other.example/abs", "http://other.example/root/?q=1");
    }

    @Test
    void oneUrlInManySpellingsIsOneLinkAndAPageLinkWinsOverARequisite() throws IOException {
        PageLinks links = html("<img src=\"same.html\"><a href=\"same.html\">1</a><a href=\"./same.html#top\">2</a>"
                + "<a href=\"http://SITE.example:80/docs/guide/same.html\">3</a><a href=\"../guide/x/../same.html\">4</a>");
        assertThat(links.links()).extracting(l -> l.uri().toString(), Link::kind).contains(
                tuple("http://site.example/docs/guide/same.html", Link.Kind.PAGE));
        assertThat(links.links().stream().filter(l -> l.uri().getPath().equals("/docs/guide/same.html"))).hasSize(1);
    }

    @Test
    void nofollowFromTheLinkOrThePageIsKeptAndNoindexToo() throws IOException {
        PageLinks links = html("<a href=\"ad.html\" rel=\"sponsored nofollow\">ad</a><a href=\"ok.html\">ok</a>");
        assertThat(links.links()).extracting(l -> l.uri().getPath(), Link::nofollow)
                .containsExactly(tuple("/docs/guide/ad.html", true), tuple("/docs/guide/ok.html", false));

        PageLinks page = html("<head><meta name=\"ROBOTS\" content=\"noindex, nofollow\"></head><a href=\"x.html\">x</a>");
        assertThat(page.nofollow()).isTrue();
        assertThat(page.noindex()).isTrue();
        assertThat(page.links()).allMatch(Link::nofollow);
    }

    @Test
    void linksThatAreNotHttpAreCountedAndDropped() throws IOException {
        PageLinks links = html("<a href=\"mailto:a@b.example\">m</a><a href=\"javascript:void(0)\">j</a>"
                + "<a href=\"ftp://x.example/f\">f</a><img src=\"data:image/png;base64,AAAA\"><a href=\"  \">blank</a>"
                + "<a href=\"\n ok\t.html \">spaces</a>");
        assertThat(links.refused()).isEqualTo(4);
        assertThat(links.links()).extracting(l -> l.uri().getPath()).containsExactly("/docs/guide/ok.html");
    }

    @Test
    void aStyleSheetsUrlsAndImportsAreRequisitesCommentsAside() throws IOException {
        PageLinks links = page("""
                @import "base.css";
                @import url(theme.css) screen;
                /* url(commented-out.png) */
                @font-face { src: url('../fonts/f.woff2') format("woff2"), url(data:font/woff;base64,AA) }
                .x { background: URL( "img/x.png" ) }
                """, "text/css; charset=utf-8");
        assertThat(links.links()).extracting(l -> l.uri().getPath(), Link::kind).containsExactly(
                tuple("/docs/guide/base.css", Link.Kind.REQUISITE),
                tuple("/docs/guide/theme.css", Link.Kind.REQUISITE),
                tuple("/docs/fonts/f.woff2", Link.Kind.REQUISITE),
                tuple("/docs/guide/img/x.png", Link.Kind.REQUISITE));
        assertThat(links.refused()).isEqualTo(1);
    }

    @Test
    void theHeadersCharsetWinsAndOtherwiseThePageSays() throws IOException {
        String body = "<meta charset=\"iso-8859-1\"><a href=\"caf\u00e9.html\">x</a>";
        Path file = tmp.resolve("latin1");
        Files.write(file, body.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(extractor.extract(file, "text/html", PAGE).links()).extracting(l -> l.uri().getRawPath())
                .containsExactly("/docs/guide/caf%C3%A9.html");
        Files.write(file, body.getBytes(Charset.forName("windows-1252")));
        assertThat(extractor.extract(file, "text/html; charset=windows-1252", PAGE).links()).extracting(l -> l.uri().getRawPath())
                .containsExactly("/docs/guide/caf%C3%A9.html");
    }

    @Test
    void whatIsNotAPageOrTooLargeOrTooRichIsBounded() throws IOException {
        assertThat(page("<a href=x>", "image/png").read()).isEqualTo(PageLinks.Read.NOT_A_PAGE);
        assertThat(page("<a href=x>", null).read()).isEqualTo(PageLinks.Read.NOT_A_PAGE);

        Path big = Files.writeString(tmp.resolve("big"), "<a href=x>".repeat(200));
        assertThat(new LinkExtractor(1000, 10).extract(big, "text/html", PAGE).read()).isEqualTo(PageLinks.Read.TOO_LARGE);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            many.append("<a href=\"p").append(i).append(".html\">").append(i).append("</a>");
        }
        PageLinks limited = new LinkExtractor(1 << 20, 10).extract(Files.writeString(tmp.resolve("many"), many), "text/html", PAGE);
        assertThat(limited.links()).hasSize(10);
        assertThat(limited.read()).isEqualTo(PageLinks.Read.LINK_LIMIT);
    }

    @Test
    void aMetaRefreshNamesItsUrlInAnyOfItsSpellings() {
        assertThat(HtmlLinks.refreshUrl("0; url=/next")).isEqualTo("/next");
        assertThat(HtmlLinks.refreshUrl("5;URL = \"a b.html\"")).isEqualTo("a b.html");
        assertThat(HtmlLinks.refreshUrl("3")).isNull();
    }
}
