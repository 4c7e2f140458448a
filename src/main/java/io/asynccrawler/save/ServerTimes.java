package io.asynccrawler.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code -N, --timestamping}: a saved file carries its server's {@code Last-Modified} as its
 * modification time (as wget sets it) and its {@code ETag} in an extended attribute
 * ({@value #ETAG_ATTRIBUTE}: the mirror stays free of files of ours; a file system without user
 * attributes keeps the time alone), so that the next run can ask whether it changed.
 */
public final class ServerTimes {
    /**
     * RFC 9110's IMF-fixdate, the one form of HTTP date a sender may use: a two-digit day (nginx
     * ignores the {@code 7 Dec} of RFC_1123_DATE_TIME, and so the whole condition).
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    /** The extended attribute holding a saved file's ETag. */
    static final String ETAG_ATTRIBUTE = "crawler.etag";

    /** What a conditional request for a saved file says: If-Modified-Since, and If-None-Match when its ETag is known (else null). */
    public record Condition(String ifModifiedSince, String ifNoneMatch) {
    }

    private ServerTimes() {
    }

    /** Gives {@code file} the server's {@code lastModified} (an HTTP date; left alone if none or unreadable) and {@code etag} (or none). */
    public static void apply(Path file, String lastModified, String etag) throws IOException {
        if (lastModified != null) {
            try {
                Instant at = ZonedDateTime.parse(lastModified.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Files.setLastModifiedTime(file, FileTime.from(at));
            } catch (DateTimeParseException notADate) {
                // the file keeps the time it was written: the next run asks with that, which is later, so safe
            }
        }
        UserDefinedFileAttributeView attributes = view(file);
        if (attributes == null) {
            return;
        }
        try {
            if (etag != null) {
                attributes.write(ETAG_ATTRIBUTE, StandardCharsets.UTF_8.encode(etag));
            } else if (attributes.list().contains(ETAG_ATTRIBUTE)) {
                attributes.delete(ETAG_ATTRIBUTE); // the old body's tag would not fit the new one
            }
        } catch (IOException | UnsupportedOperationException noUserAttributes) {
            // the modification time alone asks the question
        }
    }

    /** The condition for asking for {@code file} again. */
    public static Condition of(Path file) throws IOException {
        String since = HTTP_DATE.format(Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC));
        UserDefinedFileAttributeView attributes = view(file);
        String etag = null;
        if (attributes != null) {
            try {
                if (attributes.list().contains(ETAG_ATTRIBUTE)) {
                    ByteBuffer bytes = ByteBuffer.allocate(Math.min(attributes.size(ETAG_ATTRIBUTE), 8192));
                    attributes.read(ETAG_ATTRIBUTE, bytes);
                    etag = StandardCharsets.UTF_8.decode(bytes.flip()).toString();
                }
            } catch (IOException | UnsupportedOperationException noUserAttributes) {
                etag = null;
            }
        }
        return new Condition(since, etag);
    }

    private static UserDefinedFileAttributeView view(Path file) {
        return Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
    }
}
