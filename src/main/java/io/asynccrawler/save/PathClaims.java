package io.asynccrawler.save;

import java.nio.file.Path;

/**
 * Hands out each output path once per job: a second URL that maps to a taken path gets the next
 * free {@code name~2.ext}, {@code name~3.ext}, ... in input order, so naming is deterministic.
 * Not thread-safe: the job claims paths on the one thread that reads the input.
 */
public final class PathClaims {
    private final FingerprintSet taken = new FingerprintSet();

    /** {@code wanted} if no earlier URL took it, else the first free numbered variant of it. */
    public Path claim(Path wanted) {
        if (taken.add(key(wanted))) {
            return wanted;
        }
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            Path candidate = wanted.resolveSibling(stem + "~" + n + ext);
            if (taken.add(key(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(Path p) {
        return p.toString();
    }
}
