package io.asynccrawler.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * How many URLs a job's input holds, counted ahead of the reading the job does, so that the
 * progress line has a total, a percentage and an ETA from the first second: the lines of each
 * list file that are neither blank nor a {@code #} comment, plus one per URL argument. A byte scan
 * (a million-line list in about 0.1 s, on a thread of its own), an upper bound (duplicates and bad
 * lines count). Not for stdin or anything else that can be read once only.
 */
final class ListSize {
    private static final int BUFFER = 64 * 1024;

    private ListSize() {
    }

    /** The count, or -1 when an input is stdin, not a regular file, or cannot be read. */
    static long of(List<String> inputs) {
        long total = 0;
        for (String input : inputs) {
            if (input.contains("://")) {
                total++;
                continue;
            }
            if (input.equals("-")) {
                return -1;
            }
            try {
                Path path = Path.of(input);
                if (!Files.isRegularFile(path)) { // a FIFO or /dev/stdin: reading it here would take it from the job
                    return -1;
                }
                total += urlLines(path);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    /** Lines whose first byte past spaces and tabs is neither a line end nor '#'. */
    static long urlLines(Path file) throws IOException {
        long count = 0;
        boolean lineStart = true;
        boolean counted = false;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lineStart = true;
                        counted = false;
                    } else if (lineStart && !counted && b != ' ' && b != '\t' && b != '\r') {
                        counted = true;
                        lineStart = false;
                        if (b != '#') {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }
}
