package io.asynccrawler.save;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What --resume needs to know about a part file, kept beside it in {@code NAME.part.meta}: the URL
 * it came from, the validators the server gave (ETag, Last-Modified) and the full length. Written
 * before the first body byte, so a part file with data always has its meta (unless the process
 * died in between: then there is nothing to resume and the download starts over).
 *
 * @param url          the URL (redacted) whose body the part holds
 * @param etag         the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param length       the full body length, or -1 if the server did not say
 */
public record PartMeta(String url, String etag, String lastModified, long length) {
    private static final String SUFFIX = ".part.meta";
    /** A meta file larger than this is not ours. */
    private static final long MAX_SIZE = 16 * 1024;

    /** The validator for If-Range: a strong ETag, else Last-Modified, else null (RFC 9110 §13.1.5). */
    public String ifRange() {
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return lastModified;
    }

    /** Reads the meta of {@code relative}'s part file; null if there is none or it cannot be read as ours. */
    public static PartMeta read(OutputDirectory dir, Path relative) throws IOException {
        Path file = of(dir.resolve(relative));
        List<String> lines;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_SIZE) {
                return null;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return null;
        }
        String url = null;
        String etag = null;
        String lastModified = null;
        long length = -1;
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 2);
            switch (line.substring(0, colon)) {
                case "url": url = value; break;
                case "etag": etag = value; break;
                case "last-modified": lastModified = value; break;
                case "length":
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    break;
                default: break;
            }
        }
        return url == null ? null : new PartMeta(url, etag, lastModified, length);
    }

    /** Writes (or replaces) the meta of {@code relative}'s part file, owner-only, never through a symlink. */
    public void write(OutputDirectory dir, Path relative) throws IOException {
        Path file = of(dir.prepare(relative));
        List<String> lines = new ArrayList<>();
        lines.add("url: " + oneLine(url));
        if (etag != null) {
            lines.add("etag: " + oneLine(etag));
        }
        if (lastModified != null) {
            lines.add("last-modified: " + oneLine(lastModified));
        }
        lines.add("length: " + length);
        Files.deleteIfExists(file); // a symlink is deleted, never followed
        Path created = dir.fileMode() == null ? Files.createFile(file)
                : Files.createFile(file, FileSink.OWNER_ONLY);
        Files.write(created, lines, StandardCharsets.UTF_8, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes the meta of {@code relative}'s part file, if any. */
    public static void delete(OutputDirectory dir, Path relative) throws IOException {
        Files.deleteIfExists(of(dir.resolve(relative)));
    }

    private static Path of(Path target) {
        return target.resolveSibling(target.getFileName() + SUFFIX);
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
