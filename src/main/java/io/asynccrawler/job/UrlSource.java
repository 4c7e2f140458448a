package io.asynccrawler.job;

import io.asynccrawler.fetch.Result;
import io.asynccrawler.fetch.Target;
import io.asynccrawler.fetch.Urls;
import io.asynccrawler.save.FingerprintSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The job's input, read lazily, one entry at a time: arguments that are URLs, files of one URL a
 * line ({@code -} is stdin), blank lines and {@code #} comments skipped, an optional second column
 * naming the output path. Duplicates are dropped; bad lines become error entries and reading goes on.
 * As a {@link Frontier}, it ends with its input: a result adds nothing.
 */
public final class UrlSource implements Frontier, Iterator<Frontier.Entry> {
    /** Longest input line read; the rest of a longer one is skipped and reported. */
    static final int MAX_LINE = 64 * 1024;

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
    /** The input's size from {@link ListSize}, counted on first asking. */
    private final CompletableFuture<Long> expectedTotal = new CompletableFuture<>();
    private final AtomicBoolean counting = new AtomicBoolean();
    private final List<String> inputs;

    public UrlSource(List<String> args, InputStream stdin) {
        this.args = new ArrayDeque<>(args);
        this.inputs = List.copyOf(args);
        this.stdin = stdin;
    }

    /** Duplicate URLs dropped so far. */
    @Override
    public int duplicates() {
        return duplicates;
    }

    /** Counted on a thread of its own on first asking, so that neither the job nor the caller waits for it. */
    @Override
    public CompletableFuture<Long> expectedTotal() {
        if (counting.compareAndSet(false, true)) {
            Thread counter = new Thread(() -> expectedTotal.complete(ListSize.of(inputs)), "list-size");
            counter.setDaemon(true);
            counter.start();
        }
        return expectedTotal;
    }

    @Override
    public Entry take() {
        return hasNext() ? next() : null;
    }

    @Override
    public void ended(Target target, Result result) {
        // a list is read as it is: what a fetch found adds nothing to it
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
            // a space typed in a URL on the command line means %20, as wget reads it (a list's columns are split at spaces)
            return parse(arg.replace(" ", "%20"), null, "argument " + argumentNumber);
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
            boolean url = Urls.admit(trimmed.substring(0, end), null).admitted();
            return Entry.bad(location, trimmed, (url ? "more than two columns (URL and output path): " : "not a URL: ") + trimmed);
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
        Urls.Admission admission = Urls.admit(text, null);
        if (!admission.admitted()) {
            return Entry.bad(location, text, admission.refusal().words() + ": " + text);
        }
        URI normal = admission.uri();
        if (!seen.add(normal.toString())) {
            duplicates++;
            return null;
        }
        return Entry.listed(normal, explicitPath, location);
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
