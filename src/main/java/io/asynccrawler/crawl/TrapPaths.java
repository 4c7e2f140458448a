package io.asynccrawler.crawl;

import java.net.URI;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths that a site can make without end and a crawl must not follow: a segment sequence that
 * repeats (relative links resolved against a path that a server answers at any depth: {@code
 * /loop/a/a/a/}), a path of very many segments, and calendars that link to the next month
 * forever (a date years from now, or from before the web). Heritrix's PathologicalPathDecideRule
 * and TooManyPathSegmentsDecideRule are the model; the numbers are theirs or near them.
 */
final class TrapPaths {
    /** A sequence of 1 to 3 segments seen this many times in a row is a loop (Heritrix: 2 repeats allowed). */
    static final int REPEATS = 3;
    /** Heritrix's bound on path segments. */
    static final int MAX_SEGMENTS = 20;
    /** A calendar's year this far from now: {@code /2026/1} -> next month, forever. */
    static final int YEARS_AHEAD = 5;
    /** The web is younger: a year before it in a date-shaped path is a calendar walked backwards. */
    static final int FIRST_YEAR = 1990;
    /**
     * A year (1900-2999: a number id below is no year) and month, as segments
     * ({@code /2031/7}) or joined ({@code 2031-07}, {@code year=2031&month=7}).
     */
    private static final Pattern DATE = Pattern.compile("(?<![0-9])(19[0-9]{2}|2[0-9]{3})(?:[/-]|&month=)(0?[1-9]|1[0-2])(?![0-9])");

    /** Read once, not for every link: a crawl that runs over New Year's Eve errs by a year, five years out. */
    private static final int THIS_YEAR = Year.now().getValue();

    private TrapPaths() {
    }

    /** What trap {@code uri} is on, in words, or null. */
    static String trapIn(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = path.split("/", -1);
        if (segments.length - 1 > MAX_SEGMENTS) {
            return "more than " + MAX_SEGMENTS + " path segments";
        }
        String loop = repeating(segments);
        if (loop != null) {
            return "path repeats " + loop;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (!hasFourDigits(path) && !hasFourDigits(query)) {
            return null; // no year: the common case, and the regular expression was 80% of a link's scope check
        }
        Matcher date = DATE.matcher(path + query);
        while (date.find()) {
            int year = Integer.parseInt(date.group(1));
            if (year > THIS_YEAR + YEARS_AHEAD || year < FIRST_YEAR) {
                return "calendar at " + date.group(1) + "/" + date.group(2);
            }
        }
        return null;
    }

    private static boolean hasFourDigits(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /** The segment sequence that repeats {@link #REPEATS} times in a row in {@code segments}, or null. */
    private static String repeating(String[] segments) {
        for (int length = 1; length <= 3; length++) {
            for (int start = 0; start + length * REPEATS <= segments.length; start++) {
                if (repeatsFrom(segments, start, length)) {
                    StringBuilder b = new StringBuilder();
                    for (int i = start; i < start + length; i++) {
                        b.append('/').append(segments[i]);
                    }
                    return b.toString();
                }
            }
        }
        return null;
    }

    private static boolean repeatsFrom(String[] segments, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (segments[i].isEmpty()) {
                return false; // "//" and the trailing "" of a directory are not segments that loop
            }
        }
        for (int r = 1; r < REPEATS; r++) {
            for (int i = 0; i < length; i++) {
                if (!segments[start + i].equals(segments[start + r * length + i])) {
                    return false;
                }
            }
        }
        return true;
    }
}
