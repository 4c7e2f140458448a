package io.asynccrawler.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Netscape cookie file curl and wget read and write: a line a cookie, seven tab-separated
 * fields (domain, whether names below it get it too, path, secure, expiry in Unix seconds with 0
 * for a session cookie, name, value), {@code #HttpOnly_} before the domain of an HttpOnly one,
 * other {@code #} lines comments.
 */
public final class NetscapeCookies {
    private static final String HTTP_ONLY = "#HttpOnly_";

    private NetscapeCookies() {
    }

    /** The cookies of {@code file}; lines that are not cookies are skipped, as curl skips them. */
    public static List<Cookie> read(Path file) throws IOException {
        List<Cookie> cookies = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            boolean httpOnly = line.startsWith(HTTP_ONLY);
            if (httpOnly) {
                line = line.substring(HTTP_ONLY.length());
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                continue;
            }
            try {
                long expiry = Long.parseLong(f[4].strip());
                String domain = f[0].toLowerCase(Locale.ROOT);
                boolean below = f[1].equalsIgnoreCase("TRUE");
                cookies.add(new Cookie(f[5], f[6], domain.startsWith(".") ? domain.substring(1) : domain, !below,
                        f[2].isEmpty() ? "/" : f[2], expiry == 0 ? null : Instant.ofEpochSecond(expiry), f[3].equalsIgnoreCase("TRUE"),
                        httpOnly));
            } catch (NumberFormatException notACookie) {
                // skipped
            }
        }
        return cookies;
    }

    /** Writes {@code cookies} to {@code file} at once (a new file renamed over it), readable by its owner alone. */
    public static void write(Path file, List<Cookie> cookies) throws IOException {
        StringBuilder text = new StringBuilder("# Netscape HTTP Cookie File\n# Written by async-crawler: edit at your own risk.\n\n");
        for (Cookie c : cookies) {
            text.append(c.httpOnly() ? HTTP_ONLY : "").append(c.hostOnly() ? c.domain() : "." + c.domain())
                    .append('\t').append(c.hostOnly() ? "FALSE" : "TRUE").append('\t').append(c.path())
                    .append('\t').append(c.secure() ? "TRUE" : "FALSE").append('\t').append(c.expires() == null ? 0 : c.expires().getEpochSecond())
                    .append('\t').append(c.name()).append('\t').append(c.value()).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + file.getFileName() + ".new");
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException leftOver) { // from a run that died writing it
            Files.delete(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
