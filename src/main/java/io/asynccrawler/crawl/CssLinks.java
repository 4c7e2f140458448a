package io.asynccrawler.crawl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a style sheet refers to: {@code url(...)} (quoted or not) and {@code @import "..."},
 * in a .css file, a {@code <style>} element or a {@code style} attribute. All are requisites:
 * fonts, images, other sheets.
 */
final class CssLinks {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    private CssLinks() {
    }

    /** Adds every URL of {@code css} to {@code out}, as found in {@code from} ({@code css}, {@code style}). */
    static void collect(CharSequence css, LinkCollector out, String from) {
        String text = css.toString();
        if (text.indexOf("/*") >= 0) {
            text = COMMENT.matcher(text).replaceAll(" ");
        }
        if (text.indexOf('@') >= 0) {
            Matcher m = IMPORT.matcher(text);
            while (m.find() && !out.full()) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2), Link.Kind.REQUISITE, from, "@import", false);
            }
        }
        Matcher m = URL.matcher(text);
        while (m.find() && !out.full()) {
            String url = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            out.add(url, Link.Kind.REQUISITE, from, "url", false);
        }
    }
}
