package io.asynccrawler.fetch;

import io.asynccrawler.save.FileSink;
import io.asynccrawler.save.OutputDirectory;
import io.asynccrawler.save.PartMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where --resume continues a target: the bytes already in its part file, and what the server said
 * about the body then. Only a part whose meta names the same URL and that a changed body can be
 * told from (a validator for If-Range, or at least the full length) is continued.
 */
public record ResumePoint(long offset, PartMeta meta) {
    /** The point to continue {@code file} at, or null to start over. Blocking: reads the file system. */
    static ResumePoint find(OutputDirectory dir, Path file, String url) throws IOException {
        long size = FileSink.partSize(dir, file);
        if (size <= 0) {
            return null;
        }
        PartMeta meta = PartMeta.read(dir, file);
        if (meta == null || !meta.url().equals(url) || (meta.ifRange() == null && meta.length() < 0)
                || (meta.length() >= 0 && size > meta.length())) {
            return null;
        }
        return new ResumePoint(size, meta);
    }

    /** {@code Range: bytes=OFFSET-}, and {@code If-Range} so that a changed body comes whole (200), never stitched. */
    List<Header> headers() {
        List<Header> h = new ArrayList<>();
        h.add(new Header("Range", "bytes=" + offset + "-"));
        if (meta.ifRange() != null) {
            h.add(new Header("If-Range", meta.ifRange()));
        }
        return h;
    }

    /**
     * A Content-Range value {@code bytes FIRST-LAST/TOTAL} (TOTAL may be {@code *}, given as -1),
     * or {@code bytes * /TOTAL} for a 416 (FIRST and LAST -1). Null if unreadable.
     */
    record ContentRange(long first, long last, long total) {
        static ContentRange parse(String value) {
            if (value == null || !value.regionMatches(true, 0, "bytes ", 0, 6)) {
                return null;
            }
            String v = value.substring(6).trim();
            int slash = v.indexOf('/');
            if (slash < 0) {
                return null;
            }
            try {
                String range = v.substring(0, slash).trim();
                String totalText = v.substring(slash + 1).trim();
                long total = totalText.equals("*") ? -1 : Long.parseLong(totalText);
                if (range.equals("*")) {
                    return total < 0 ? null : new ContentRange(-1, -1, total);
                }
                int dash = range.indexOf('-');
                long first = Long.parseLong(range.substring(0, dash).trim());
                long last = Long.parseLong(range.substring(dash + 1).trim());
                if (first < 0 || last < first || (total >= 0 && last >= total)) {
                    return null;
                }
                return new ContentRange(first, last, total);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
