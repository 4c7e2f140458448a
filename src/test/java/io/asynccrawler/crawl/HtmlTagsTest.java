package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag reader against jsoup's full parser, the reference: the same links, kinds, sources and
 * flags from pages written to trip a tokenizer, and from every page of Python's documentation
 * when Debian's python3.11-doc is installed (CI installs it).
 */
class HtmlTagsTest {
    private static final URI PAGE = URI.create("http://site.example/docs/guide/index.html");
    private static final Path PYTHON_DOCS = Path.of("/usr/share/doc/python3.11/html");

    @TempDir
    Path tmp;

    /** The links of {@code page} as jsoup's tree has them, element by element, through the same {@link HtmlLinks}. */
    static PageLinks byJsoup(Path page, String charset, URI url) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), charset, url.toString());
        HtmlLinks links = new HtmlLinks(new LinkCollector(url, LinkExtractor.DEFAULT_MAX_LINKS, new KnownUrls()));
        for (Element e : doc.getAllElements()) {
            if (e == doc) {
                continue;
            }
            Tag tag = new Tag(e.normalName());
            for (Attribute a : e.attributes()) {
                tag.put(a.getKey().toLowerCase(java.util.Locale.ROOT), a.getValue());
            }
            links.tag(tag);
            if (e.normalName().equals("style")) {
                links.styleText(e.data());
            }
        }
        return links.result();
    }

    private static PageLinks byTags(Path page, String contentType, URI url) throws IOException {
        return new LinkExtractor(LinkExtractor.DEFAULT_MAX_PAGE_BYTES, LinkExtractor.DEFAULT_MAX_LINKS)
                .extract(page, contentType, url);
    }

    private void same(String html) throws IOException {
        same(html.getBytes(StandardCharsets.UTF_8), "text/html", null);
    }

    private void same(byte[] page, String contentType, String charset) throws IOException {
        Path file = Files.write(tmp.resolve("page.html"), page);
        PageLinks reference = byJsoup(file, charset, PAGE);
        assertThat(byTags(file, contentType, PAGE)).as(new String(page, StandardCharsets.UTF_8)).isEqualTo(reference);
    }

    @Test
    void markupThatTripsATokenizerGivesJsoupsLinks() throws IOException {
        same("<A HREF=Upper.html>x</A><a href='single.html'><a href=unquoted.html?a=1&amp;b=2>"
                + "<a\nhref\n=\n\"spread.html\"><a href=\"first.html\" href=\"second.html\"><a href><a href=\"\">");
        same("<!-- <a href=commented.html> --><a href=after-comment.html><!--><a href=empty-comment.html>"
                + "<!---><a href=short-comment.html><!DOCTYPE html><? pi <a href=pi.html> ?><a href=after-pi.html>");
        same("<script>document.write('<a href=\"in-script.html\">')</script ><a href=after-script.html>"
                + "<SCRIPT src=s.js></SCRIPT><title><a href=in-title.html></title><textarea><img src=t.png></textarea>"
                + "<a href=after-textarea.html>");
        same("<style>@import 'a.css'; .x{background:url(<b>.png)}</style><p style=\"background:url('p.png')\">"
                + "<noscript><img src=noscript.png></noscript><iframe src=f.html><a href=in-iframe.html></iframe>");
        same("a < b and c<d <a href=\"after-text.html\" /><br/><img src=\"x.png\"/><a href=\"&#x61;&eacute;&copy=1.html\">"
                + "<a href=\"caf\u00e9.html\"><a href=\"%7euser/\"><base href=\"/other/\"><a href=rebased.html>");
        same("<head><meta name=robots content=nofollow></head><a href=a.html><link rel=\"Stylesheet\" href=s.css>"
                + "<meta http-equiv=refresh content=\"0;URL=next.html\"><input type=IMAGE src=i.png>"
                + "<table><tr><td background=bg.gif></table>");
        same("<a href=\"unterminated.html");
        same("<a href=ok.html><img src=\"unterminated");
        same("<plaintext><a href=in-plaintext.html>");
    }

    @Test
    void aTagTheTreeWouldDropIsStillReadAsWget2ReadsIt() throws IOException {
        // jsoup's tree builder drops a <td> outside a table (a parse error); tokens keep it, as
        // wget2's tokenizer does: one more requisite, never a lost link
        Path file = Files.writeString(tmp.resolve("stray.html"), "<p><td background=bg.gif>");
        assertThat(byJsoup(file, null, PAGE).links()).isEmpty();
        assertThat(byTags(file, "text/html", PAGE).links()).extracting(Link::from).containsExactly("td background");
    }

    @Test
    void theCharsetIsTheByteOrderMarksThenTheHeadersThenThePagesAsJsoupReadsIt() throws IOException {
        String body = "<a href=\"caf\u00e9.html\">x</a>";
        byte[] utf16 = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_16LE);
        same(utf16, "text/html", null);
        assertThat(byTags(Files.write(tmp.resolve("utf16"), utf16), "text/html", PAGE).links())
                .extracting(l -> l.uri().getRawPath()).containsExactly("/docs/guide/caf%C3%A9.html");
        byte[] latin1 = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
        same(latin1, "text/html", null);
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><html>" + body).getBytes(Charset.forName("windows-1252"));
        same(xml, "application/xhtml+xml", null);
        byte[] headerSays = ("<meta charset=utf-8>" + body).getBytes(StandardCharsets.ISO_8859_1);
        same(headerSays, "text/html; charset=iso-8859-1", "iso-8859-1");
        byte[] sjis = "<meta charset=shift_jis><a href=\"\u8868.html\">".getBytes(Charset.forName("Shift_JIS"));
        same(sjis, "text/html", null);
    }

    @Test
    void everyPageOfPythonsDocsGivesJsoupsLinks() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(PYTHON_DOCS), "python3.11-doc is not installed");
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(PYTHON_DOCS)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(500);
        for (Path page : pages) {
            URI url = URI.create("http://127.0.0.1/" + PYTHON_DOCS.relativize(page).toString().replace('\\', '/'));
            assertThat(byTags(page, "text/html", url)).as(page.toString()).isEqualTo(byJsoup(page, null, url));
        }
    }
}
