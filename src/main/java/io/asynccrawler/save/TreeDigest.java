package io.asynccrawler.save;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** SHA-256 of every file under a directory, and what differs between two such trees. */
public final class TreeDigest {
    private final Map<String, String> digests;

    private TreeDigest(Map<String, String> digests) {
        this.digests = digests;
    }

    /** Digests every regular file under {@code root} (relative '/'-separated names). */
    public static TreeDigest of(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    digests.put(root.relativize(p).toString().replace('\\', '/'), sha256(p));
                }
            }
        }
        return new TreeDigest(digests);
    }

    public int size() {
        return digests.size();
    }

    /** One line per difference from {@code expected}: missing, extra, or different content. */
    public List<String> differencesFrom(TreeDigest expected) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.digests.keySet());
        names.addAll(digests.keySet());
        for (String name : names) {
            String want = expected.digests.get(name);
            String got = digests.get(name);
            if (got == null) {
                out.add("missing: " + name);
            } else if (want == null) {
                out.add("extra: " + name);
            } else if (!want.equals(got)) {
                out.add("different content: " + name);
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
