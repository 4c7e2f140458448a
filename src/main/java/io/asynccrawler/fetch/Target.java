package io.asynccrawler.fetch;

import java.net.URI;
import java.nio.file.Path;

/**
 * One URL of a job and the file it goes to.
 *
 * @param uri    the absolute http(s) URL
 * @param file   the output path, relative to the output directory, already sanitised and claimed
 * @param source where the URL came from ({@code urls.txt:7}, {@code argument 2}), for messages
 * @param origin how a crawl came to it, null for a URL of a list; a crawl's URL is not led on by
 *               its redirects: its result says where it redirects, and the crawl decides
 */
public record Target(URI uri, Path file, String source, Origin origin) {
    /** A URL of a list. */
    public Target(URI uri, Path file, String source) {
        this(uri, file, source, null);
    }
}
