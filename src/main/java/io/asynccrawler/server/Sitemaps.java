package io.asynccrawler.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * The sitemaps of {@code /site/}, named by the server's robots.txt: {@code /site/sitemap.xml}, an
 * index of one gzipped sitemap, {@code /site/sitemap-orphans.xml.gz}, which lists {@link #ORPHANS}
 * pages that no page links to (only a crawl that reads sitemaps finds them), one page on the
 * second host and one outside the sitemap's directory (both for a strict reader to drop).
 */
final class Sitemaps {
    /** Pages only the sitemap lists: {@code /site/orphans/1.html} to {@code 3.html}. */
    static final int ORPHANS = 3;
    private static final String HTML = "text/html; charset=utf-8";

    private Sitemaps() {
    }

    /** Serves {@code rest} (the path after {@code /site/}) if it is a sitemap or an orphan; false if not. */
    static boolean serve(Call call, String rest) {
        String base = "http://" + call.host + "/site/";
        switch (rest) {
            case "sitemap.xml":
                call.text(HttpResponseStatus.OK, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                        + "<sitemap><loc>" + base + "sitemap-orphans.xml.gz</loc></sitemap>\n</sitemapindex>\n");
                return true;
            case "sitemap-orphans.xml.gz":
                StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                for (int i = 1; i <= ORPHANS; i++) {
                    b.append("<url><loc>").append(base).append("orphans/").append(i).append(".html</loc></url>\n");
                }
                b.append("<url><loc>http://").append(SitePages.otherHost(call.host)).append("/site/orphans/9.html</loc></url>\n")
                        .append("<url><loc>http://").append(call.host).append("/elsewhere.html</loc></url>\n</urlset>\n");
                call.send(call.full(HttpResponseStatus.OK, "application/gzip", gzip(b.toString())));
                return true;
            default:
                if (rest.startsWith("orphans/") && rest.endsWith(".html")) {
                    call.text(HttpResponseStatus.OK, HTML, "<!doctype html><title>orphan</title><p>only the sitemap lists me\n");
                    return true;
                }
                return false;
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
