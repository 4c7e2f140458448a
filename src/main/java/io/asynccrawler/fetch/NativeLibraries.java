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
 * Where the decoders' native libraries are loaded from. brotli4j and zstd-jni copy theirs out of
 * the jar into a new temporary file at every start: 40 and 70 ms before the first request. Here
 * each is copied once into the user's cache directory, named by the jar entry's CRC (so a new
 * version is a new file), and later starts map that file (3 ms). Where the cache cannot be
 * written or read, the library's own way is left to run. The image fills its cache at build time.
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * The library at jar resource {@code resource} as a file in the cache, copied there first if it
     * is not, or null (no such resource, or no cache to write).
     */
    static Path cached(String resource) {
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
            Path dir = cacheDirectory().resolve("native");
            Path file = dir.resolve(String.format(Locale.ROOT, "%08x-%s", crc, name));
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
