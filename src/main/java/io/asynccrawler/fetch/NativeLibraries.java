package io.asynccrawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Where the native libraries are loaded from. brotli4j, zstd-jni and RocksDB copy theirs out of
 * the jar into a new temporary file at every start: 40, 70 and 250-330 ms (RocksDB's is 15 MB)
 * before the first request. Here each is copied once into the user's cache directory, named by
 * the jar entry's CRC (so a new version is a new file), and later starts map that file (3-10 ms).
 * Where the cache cannot be written or read, the library's own way is left to run. The image
 * fills its cache at build time.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * The library at jar resource {@code resource} as a file in the cache, copied there first if it
     * is not, or null (no such resource, or no cache to write).
     */
    static Path cached(String resource) {
        return cached(resource, null);
    }

    /**
     * As {@link #cached(String)}, the file named {@code fileName} in a directory of its own (named
     * by the CRC), for a loader that is given a directory and looks for a name of its choosing.
     */
    public static Path cachedAs(String resource, String fileName) {
        return cached(resource, fileName);
    }

    private static Path cached(String resource, String fileName) {
        try {
            URL url = NativeLibraries.class.getResource(resource);
            if (url == null) {
                return null;
            }
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI()); // classes on disk, not in a jar: the file itself
            }
            if (!(url.openConnection() instanceof JarURLConnection)) {
                return null;
            }
            long crc = ((JarURLConnection) url.openConnection()).getJarEntry().getCrc();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            String tag = String.format(Locale.ROOT, "%08x", crc);
            Path dir = fileName == null ? cacheDirectory().resolve("native") : cacheDirectory().resolve("native").resolve(tag);
            Path file = dir.resolve(fileName == null ? tag + "-" + name : fileName);
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    readableByAll(part); // a cache filled by root at an image's build serves its user too
                    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE); // another process may do the same: either file is whole
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return Files.isReadable(file) ? file : null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** $XDG_CACHE_HOME/async-crawler, else ~/.cache/async-crawler. */
    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("async-crawler");
    }
}
