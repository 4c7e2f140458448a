package io.asynccrawler.crawl;

import io.asynccrawler.crawl.FrontierStore.Admission;
import io.asynccrawler.crawl.FrontierStore.Found;
import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Via;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an ended fetch of a crawl gives: a redirect's target, or the links of the saved page (HTML
 * or CSS, read from its file once complete; a sitemap read as one), sorted by {@link LinkTriage}.
 * Blocking (it reads files): run on the crawl's page readers.
 */
final class EndedPages {
    private static final Logger log = LoggerFactory.getLogger(EndedPages.class);

    private final CrawlParts parts;
    private final LinkTriage triage;
    /** URLs the frontier surely admitted already ({@link FrontierStore#surelySeen}): their links are left out. */
    private final Predicate<URI> admittedBefore;

    EndedPages(CrawlParts parts, LinkTriage triage, Predicate<URI> admittedBefore) {
        this.parts = parts;
        this.triage = triage;
        this.admittedBefore = admittedBefore;
    }

    /** {@code result} with, in its error, why its page will not be read for links (too large), if so. */
    Result noted(Result result) {
        String note = result.outcome() == Outcome.OK && result.error() == null
                ? parts.extractor().unreadNote(result.contentType(), result.resumedFrom() + result.bytes()) : null;
        return note == null ? result : result.withError(note);
    }

    /** What {@code page}, ended with {@code result}, gives the crawl: the URLs to fetch, and those met and not fetched. */
    Admission linksOf(Found page, Result result) {
        if (result.isRedirect()) {
            return triage.ofRedirect(page, URI.create(result.finalUrl()));
        }
        if (result.file() == null || (result.outcome() != Outcome.OK && result.outcome() != Outcome.SKIPPED)) {
            return Admission.NOTHING;
        }
        PageLinks found;
        try {
            Path file = parts.dir().resolve(Path.of(result.file()));
            // a skipped page (saved by a run that stopped before its end was recorded) is read too,
            // its type told by its name: the response that said it is gone
            String type = result.outcome() == Outcome.SKIPPED ? SavedType.of(file) : result.contentType();
            URI url = URI.create(result.finalUrl());
            if (page.via() == Via.SITEMAP && SitemapReader.mayBeSitemap(type, url)) {
                return triage.ofSitemap(page, SitemapReader.read(file, type, url));
            }
            found = parts.extractor().extract(file, type, url);
        } catch (IOException | RuntimeException e) {
            log.debug("links of {} not read: {}", result.url(), e.toString());
            return Admission.NOTHING;
        }
        if (found.read() == PageLinks.Read.LINK_LIMIT) {
            log.warn("{}: more than {} links; those after them not read", result.url(), found.links().size());
        }
        return triage.of(page, found, admittedBefore);
    }
}
