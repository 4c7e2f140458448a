package io.asynccrawler.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.asynccrawler.fetch.AsciiUrl;
import io.asynccrawler.fetch.UrlPaths;
import io.asynccrawler.job.UrlSource;
import io.asynccrawler.save.PathClaims;
import io.asynccrawler.save.TargetPaths;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fuzz tests (Jazzer) of the parsers we own: the URL-list reader, the URL-to-file-name mapping and
 * a Location header's conversion to ASCII.
 * The property: whatever the input, nothing but a clean per-line error comes out, and every name
 * lies inside the output directory. In a normal build these run the inputs checked in under
 * {@code ParserFuzzTestInputs/} (regression mode); {@code scripts/fuzz.sh} fuzzes them for real.
 */
class ParserFuzzTest {
    private static final Path ROOT = Path.of("/out/dir");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    @FuzzTest(maxDuration = "20s")
    void urlListReader(byte[] list) throws Exception {
        try (UrlSource source = new UrlSource(List.of("-"), new ByteArrayInputStream(list))) {
            while (source.hasNext()) {
                UrlSource.Entry e = source.next();
                if (e.isError()) {
                    check(e.location().startsWith("stdin:"), "error without its line: " + e);
                    check(!e.error().isBlank() && e.error().indexOf('\n') < 0, "error not one line: " + e);
                    check(e.input() != null, "error without its input: " + e);
                } else {
                    check(e.uri().getScheme().equals("http") || e.uri().getScheme().equals("https"), "scheme: " + e);
                    check(e.uri().getHost() != null && !e.uri().getHost().isEmpty(), "host: " + e);
                    check(isAscii(e.uri().toString()), "not ASCII, as a request must be: " + e);
                    checkNumericHost(e.uri().getHost(), e);
                    checkInside(TargetPaths.forUrl(e.uri()));
                    if (e.explicitPath() != null) {
                        checkInside(TargetPaths.forExplicit(e.explicitPath()));
                    }
                }
            }
        }
    }

    @FuzzTest(maxDuration = "20s")
    void urlToFileName(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String url = text.contains("://") ? text : "http://h/" + text;
        try (UrlSource source = new UrlSource(List.of(url), InputStream.nullInputStream())) {
            while (source.hasNext()) {
                UrlSource.Entry e = source.next();
                if (!e.isError()) {
                    checkInside(TargetPaths.forUrl(e.uri()));
                    String path = e.uri().getRawPath();
                    check(UrlPaths.removeDotSegments(path).equals(path), "dot segments left in " + e.uri());
                }
            }
        }
        checkInside(TargetPaths.forExplicit(text));
    }

    /** A Location header's value, one char a byte as the transports hand it over: ASCII out, or a refused host. */
    @FuzzTest(maxDuration = "20s")
    void locationHeader(byte[] header) {
        try {
            String ascii = AsciiUrl.ofHeader(new String(header, StandardCharsets.ISO_8859_1));
            check(isAscii(ascii), "not ASCII: " + ascii);
        } catch (IllegalArgumentException e) {
            // a host name IDNA refuses: the redirect fails as unreadable
        }
    }

    @FuzzTest(maxDuration = "20s")
    void pathClaims(FuzzedDataProvider data) {
        PathClaims claims = new PathClaims();
        Set<Path> files = new HashSet<>();
        Set<Path> directories = new HashSet<>();
        while (data.remainingBytes() > 0) {
            Path claimed = claims.claim(TargetPaths.forExplicit(data.consumeString(40)));
            check(files.add(claimed), "claimed twice: " + claimed);
            checkNoPartName(claimed); // numbered names too
            for (Path d = claimed.getParent(); d != null; d = d.getParent()) {
                directories.add(d);
            }
        }
        for (Path f : files) {
            check(!directories.contains(f), "a file where a directory is: " + f);
        }
    }

    private static void checkInside(Path p) {
        check(!p.isAbsolute() && p.getNameCount() >= 1 && p.getNameCount() <= 32, "shape: " + p);
        for (Path segment : p) {
            String s = segment.toString();
            check(!s.isEmpty() && !s.equals(".") && !s.equals(".."), "segment: " + p);
            check(s.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == 0x202e), "character in: " + p);
            check(s.getBytes(StandardCharsets.UTF_8).length <= 255, "too long: " + p);
        }
        checkNoPartName(p);
        check(ROOT.resolve(p).normalize().startsWith(ROOT), "outside: " + p);
    }

    /** No segment ends like a download's part file or its meta, which sit beside the final names. */
    private static void checkNoPartName(Path p) {
        for (Path segment : p) {
            String s = segment.toString().toLowerCase(Locale.ROOT);
            check(!s.endsWith(".part") && !s.endsWith(".part.meta"), "named like a part file: " + p);
        }
    }

    /** A host that ends in a number is an IPv4 address in dotted decimal, the form every client reads alike. */
    private static void checkNumericHost(String host, UrlSource.Entry e) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        if (!host.startsWith("[") && !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            check(DOTTED_QUAD.matcher(host).matches(), "an IPv4 host not in dotted decimal: " + e);
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
