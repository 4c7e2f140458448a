package io.asynccrawler.job;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF or CRLF) of at most a bounded length; a longer line is skipped, not buffered.
 * Scans a buffer of its own for the line end (a char at a time through BufferedReader took an
 * eighth of the list reader's time), and returns a line as soon as its end has arrived, so
 * lines typed into stdin start at once.
 */
final class LineReader implements AutoCloseable {
    private final Reader in;
    private final int maxLength;
    private final char[] buffer;
    /** The unread chars are buffer[next, end). */
    private int next;
    private int end;
    private int lineNumber;
    private boolean tooLong;

    LineReader(Reader reader, int maxLength) {
        this(reader, maxLength, 64 * 1024);
    }

    LineReader(Reader reader, int maxLength, int bufferSize) {
        this.in = reader;
        this.maxLength = maxLength;
        this.buffer = new char[bufferSize];
    }

    /**
     * The next line without its terminator, or null at the end. Of a line longer than the bound,
     * its first {@code maxLength} chars (and {@link #lastLineTooLong()} is true).
     */
    String readLine() throws IOException {
        tooLong = false;
        if (next == end && !fill()) {
            return null;
        }
        lineNumber++;
        StringBuilder crossing = null; // the part of a line read before the buffer was refilled
        while (true) {
            int newline = indexOfNewline();
            int stop = newline >= 0 ? newline : end;
            int kept = crossing == null ? 0 : crossing.length();
            int take = Math.min(stop - next, maxLength - kept);
            if (take < stop - next) {
                tooLong = true;
            }
            if (newline >= 0 && crossing == null) { // the usual line: all in the buffer
                int length = take > 0 && buffer[next + take - 1] == '\r' ? take - 1 : take;
                String line = new String(buffer, next, length);
                next = newline + 1;
                return line;
            }
            if (crossing == null) {
                crossing = new StringBuilder(Math.min(maxLength, 2 * (stop - next) + 16));
            }
            crossing.append(buffer, next, take);
            if (newline >= 0) {
                next = newline + 1;
                break;
            }
            next = end;
            if (!fill()) {
                break; // the last line, without a terminator
            }
        }
        int length = crossing.length();
        if (length > 0 && crossing.charAt(length - 1) == '\r') {
            crossing.setLength(length - 1);
        }
        return crossing.toString();
    }

    private int indexOfNewline() {
        for (int i = next; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more into the empty buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            next = end = 0;
            return false;
        }
        next = 0;
        end = n;
        return true;
    }

    int lineNumber() {
        return lineNumber;
    }

    boolean lastLineTooLong() {
        return tooLong;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
