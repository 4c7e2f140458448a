package io.asynccrawler.job;

import io.asynccrawler.fetch.Outcome;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;

/**
 * A list line's second column, the output name, remembered in its Target's source
 * ({@code urls.txt:7, second column: NAME}) so that a failure can say it was taken so: a URL
 * pasted with a raw space ({@code http://h/my file.pdf}) is fetched as {@code http://h/my} into
 * {@code file.pdf}, and the 404 that follows should say why.
 */
final class SecondColumn {
    private static final String MARK = ", second column: ";

    private SecondColumn() {
    }

    /** The source a Target of {@code entry} carries. */
    static String source(Frontier.Entry entry) {
        return entry.explicitPath() == null ? entry.location() : entry.location() + MARK + entry.explicitPath();
    }

    /**
     * {@code result}, its error saying that the line's second column named the file, when there was
     * one and the server refused the URL (a 4xx: what a path cut at a raw space gets). A connection
     * refused, a timeout or a 5xx is no sign of it, and a note on each would be noise.
     */
    static Result noted(Target target, Result result) {
        int at = target.source() == null ? -1 : target.source().indexOf(MARK);
        if (result.outcome() != Outcome.FAILED || at < 0 || result.reason() != Reason.HTTP || result.status() / 100 != 4) {
            return result;
        }
        String name = target.source().substring(at + MARK.length());
        return result.withError(result.error() + " (the line's second column, '" + Printable.of(name)
                + "', was taken as the output name; a space in a URL is written %20)");
    }
}
