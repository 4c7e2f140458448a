package io.asynccrawler.job;

import io.asynccrawler.fetch.AsciiUrl;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.save.FingerprintSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The job's input, read lazily, one entry at a time: arguments that are URLs, files of one URL a
 * line ({@code -} is stdin), blank lines and {@code #} comments skipped, an optional second column
 * naming the output path. Duplicates are dropped; bad lines become error entries and reading goes on.
 */
public final class UrlSource implements Iterator<UrlSource.Entry>, AutoCloseable {
    /** Longest input line read; the rest of a longer one is skipped and reported. */
    static final int MAX_LINE = 64 * 1024;

    /**
     * One input line or argument: a URL to fetch, or an error to report.
     *
     * @param input for an error, what was given (at most {@link #INPUT_SHOWN} characters), else null
     */
    public record Entry(URI uri, String explicitPath, String location, String error, String input) {
        static Entry bad(String location, String input, String error) {
            String shown = input.length() > INPUT_SHOWN ? input.substring(0, INPUT_SHOWN) + "..." : input;
            return new Entry(null, null, location, error.length() > 2 * INPUT_SHOWN
                    ? error.substring(0, 2 * INPUT_SHOWN) + "..." : error, shown);
        }

        public boolean isError() {
            return error != null;
        }
    }

    /** How much of a bad input line an error repeats. */
    static final int INPUT_SHOWN = 200;

    private final ArrayDeque<String> args;
    private final InputStream stdin;
    private final FingerprintSet seen = new FingerprintSet();
    private int argumentNumber;
    private LineReader lines;
    private String linesName;
    private Entry next;
    private int duplicates;

    public UrlSource(List<String> args, InputStream stdin) {
        this.args = new ArrayDeque<>(args);
        this.stdin = stdin;
    }

    /** Duplicate URLs dropped so far. */
    public int duplicates() {
        return duplicates;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            next = advance();
            if (next == null && lines == null && args.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry e = next;
        next = null;
        return e;
    }

    /** The next entry, or null when this step produced none (a skipped line, a file opened or finished). */
    private Entry advance() {
        if (lines != null) {
            return fromLine();
        }
        if (args.isEmpty()) {
            return null;
        }
        String arg = args.poll();
        argumentNumber++;
        if (arg.contains("://")) {
            return parse(arg, null, "argument " + argumentNumber);
        }
        try {
            open(arg);
            return null;
        } catch (NoSuchFileException e) {
            return Entry.bad(arg, arg, "no such file, and not a URL: " + arg);
        } catch (IOException e) {
            return Entry.bad(arg, arg, "cannot read " + arg + ": " + e.getMessage());
        }
    }

    private void open(String arg) throws IOException {
        InputStream in = arg.equals("-") ? stdin : Files.newInputStream(Path.of(arg));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        lines = new LineReader(reader, MAX_LINE);
        linesName = arg.equals("-") ? "stdin" : arg;
    }

    private Entry fromLine() {
        String line;
        try {
            line = lines.readLine();
        } catch (IOException e) {
            closeLines();
            return Entry.bad(linesName, linesName, "cannot read " + linesName + ": " + e.getMessage());
        }
        if (line == null) {
            closeLines();
            return null;
        }
        String location = linesName + ":" + lines.lineNumber();
        if (lines.lastLineTooLong()) {
            return Entry.bad(location, location, "line longer than " + MAX_LINE + " characters, skipped");
        }
        if (lines.lineNumber() == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1); // a byte order mark some editors write
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        int end = nextSpace(trimmed, 0);
        if (end == trimmed.length()) {
            return parse(trimmed, null, location);
        }
        int second = skipSpace(trimmed, end);
        int secondEnd = nextSpace(trimmed, second);
        if (secondEnd != trimmed.length()) {
            return Entry.bad(location, trimmed, "more than two columns (URL and output path): " + trimmed);
        }
        return parse(trimmed.substring(0, end), trimmed.substring(second), location);
    }

    /** The index of the first white space at or after {@code from} (as {@code \\s}: space, tab, line breaks), or the length. */
    private static int nextSpace(String s, int from) {
        int i = from;
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private Entry parse(String text, String explicitPath, String location) {
        if (text.indexOf('\uFFFD') >= 0) {
            return Entry.bad(location, text, "not valid UTF-8: " + text);
        }
        String ascii;
        try {
            ascii = AsciiUrl.of(text); // an IDN host as xn--, other non-ASCII percent-encoded: as sent
        } catch (IllegalArgumentException e) {
            return Entry.bad(location, text, "not a valid host name: " + text);
        }
        URI uri;
        try {
            uri = new URI(ascii);
        } catch (URISyntaxException | NumberFormatException e) {
            // java.net.URI throws NumberFormatException for an IPv6 literal whose IPv4 tail overflows an int
            return Entry.bad(location, text, "not a valid URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Entry.bad(location, text, "not an http(s) URL: " + text);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Entry.bad(location, text, "URL without a host: " + text);
        }
        if (uri.getPort() > 65535) {
            return Entry.bad(location, text, "port out of range (0-65535): " + text);
        }
        URI normal = normalize(uri, ascii);
        if (!seen.add(normal.toString())) {
            duplicates++;
            return null;
        }
        return new Entry(normal, explicitPath, location, null, null);
    }

    /**
     * Lower-case scheme and host, no default port, no dot segments, no fragment: the form duplicates
     * are compared in. {@code uri} itself when it is in that form already (its text, {@code
     * given}, equals the normal form), which saves parsing the text twice.
     */
    static URI normalize(URI uri, String given) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        StringBuilder s = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            s.append(uri.getRawUserInfo()).append('@');
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        s.append(host);
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : Urls.removeDotSegments(uri.getRawPath()));
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        return given.contentEquals(s) ? uri : URI.create(s.toString());
    }

    private void closeLines() {
        try {
            if (lines != null && !linesName.equals("stdin")) {
                lines.close();
            }
        } catch (IOException ignored) {
            // read-only input; nothing to lose
        }
        lines = null;
    }

    @Override
    public void close() {
        closeLines();
    }
}
