package io.asynccrawler.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Reads lines (LF or CRLF) of at most a bounded length; a longer line is skipped, not buffered. */
final class LineReader implements AutoCloseable {
    private final BufferedReader in;
    private final int maxLength;
    private int lineNumber;
    private boolean tooLong;

    LineReader(Reader reader, int maxLength) {
        this.in = new BufferedReader(reader, 64 * 1024);
        this.maxLength = maxLength;
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        tooLong = false;
        int c = in.read();
        if (c == -1) {
            return null;
        }
        lineNumber++;
        while (c != -1 && c != '\n') {
            if (line.length() < maxLength) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
            c = in.read();
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
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
