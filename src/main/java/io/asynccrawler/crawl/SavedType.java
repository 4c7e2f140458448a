package io.asynccrawler.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The media type of a page saved by an earlier run, for which no response is at hand: by its
 * name's suffix (pages are saved as {@code index.html} for a directory), else by whether it starts
 * like an HTML document, as browsers sniff a file.
 */
final class SavedType {
    private static final int SNIFF_BYTES = 512;

    private SavedType() {
    }

    static String of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return "text/html";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(start, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        return text.startsWith("<!doctype html") || text.startsWith("<html") ? "text/html" : null;
    }
}
