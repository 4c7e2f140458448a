package io.asynccrawler.fetch;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.github.luben.zstd.util.Native;
import com.github.luben.zstd.util.ZstdVersion;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which content codings this machine decodes: gzip and deflate always (the JDK's zlib); br and zstd
 * when their native libraries load (brotli4j, zstd-jni: Linux x86-64 and aarch64, macOS, Windows
 * x86-64, and not from a temporary directory mounted noexec). Accept-Encoding names only these, so
 * no server is asked for a coding we cannot undo.
 */
public final class Codings {
    private static final boolean BROTLI = loads(Codings::loadBrotli);
    private static final boolean ZSTD = loads(Codings::loadZstd);

    private Codings() {
    }

    public static boolean brotli() {
        return BROTLI;
    }

    public static boolean zstd() {
        return ZSTD;
    }

    /** The Accept-Encoding value: what decodes here, as curl's --compressed orders it. */
    public static String acceptEncoding() {
        return "gzip, deflate" + (BROTLI ? ", br" : "") + (ZSTD ? ", zstd" : "");
    }

    private static void loadBrotli() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        String platform = (os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "osx" : os) + "-" + arch;
        Path cached = NativeLibraries.cached("/lib/" + platform + "/" + System.mapLibraryName("brotli"));
        if (cached != null && System.getProperty("brotli4j.library.path") == null) {
            System.setProperty("brotli4j.library.path", cached.toString());
        }
        Brotli4jLoader.ensureAvailability();
    }

    private static void loadZstd() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String extension = os.startsWith("win") ? "dll" : os.startsWith("mac") ? "dylib" : "so";
        os = os.startsWith("win") ? "win" : os.startsWith("mac") ? "darwin" : os;
        arch = os.equals("darwin") && arch.equals("amd64") ? "x86_64" : arch;
        Path cached = NativeLibraries.cached("/" + os + "/" + arch + "/libzstd-jni-" + ZstdVersion.VERSION + "." + extension);
        if (cached != null && System.getProperty("ZstdNativePath") == null) {
            System.setProperty("ZstdNativePath", cached.toString());
        }
        Native.load();
    }

    private static boolean loads(Runnable load) {
        try {
            load.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // no library for this platform, or it cannot be mapped: the coding is not asked for
        }
    }
}
