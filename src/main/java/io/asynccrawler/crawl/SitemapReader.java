package io.asynccrawler.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.asynccrawler.fetch.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a saved sitemap (XML, gzip, or a text list; or a sitemap index) with crawler-commons'
 * SiteMapParser in strict mode: a {@code <loc>} outside the sitemap's own host and directory is
 * dropped, as sitemaps.org says. The protocol's bounds hold: a file over 50 MB is not read, and at
 * most 50,000 URLs of one are taken.
 */
final class SitemapReader {
    /** The sitemaps protocol's bounds on one file. */
    static final int MAX_BYTES = 50 * 1000 * 1000;
    static final int MAX_URLS = 50_000;

    /** What one sitemap lists: other sitemaps (an index), or pages. */
    record Listed(List<URI> sitemaps, List<URI> pages) {
        static final Listed NOTHING = new Listed(List.of(), List.of());
    }

    private SitemapReader() {
    }

    /** Whether a response of {@code contentType} from {@code url} may be a sitemap. */
    static boolean mayBeSitemap(String contentType, URI url) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        return type.contains("xml") || type.contains("gzip") || type.startsWith("text/plain")
                || path.endsWith(".xml") || path.endsWith(".xml.gz");
    }

    /** The sitemaps or pages listed in {@code file}, fetched from {@code url}; nothing if it is no sitemap. */
    static Listed read(Path file, String contentType, URI url) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            return Listed.NOTHING;
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES);
        }
        return read(content, contentType, url);
    }

    /** The sitemaps or pages listed in {@code content}, fetched from {@code url}; nothing if it is no sitemap. */
    static Listed read(byte[] content, String contentType, URI url) throws IOException {
        AbstractSiteMap map;
        try {
            map = new SiteMapParser(true).parseSiteMap(contentType == null ? "" : contentType, content, url.toURL());
        } catch (UnknownFormatException e) {
            return Listed.NOTHING;
        }
        List<URI> sitemaps = new ArrayList<>();
        List<URI> pages = new ArrayList<>();
        if (map.isIndex()) {
            for (AbstractSiteMap child : ((SiteMapIndex) map).getSitemaps()) {
                add(sitemaps, child.getUrl().toString());
            }
        } else {
            for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
                add(pages, u.getUrl().toString());
            }
        }
        return new Listed(sitemaps, pages);
    }

    /** Adds {@code url} in normal form, through the one admission gate, while the bound allows. */
    private static void add(List<URI> to, String url) {
        if (to.size() < MAX_URLS) {
            Urls.Admission a = Urls.admit(url, null);
            if (a.admitted()) {
                to.add(a.uri());
            }
        }
    }
}
