package io.asynccrawler.cli;

import io.asynccrawler.save.TreeDigest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** compare's check: every run saved the same files with the same SHA-256, each difference named. */
final class SameTrees {
    private SameTrees() {
    }

    /**
     * Whether every tree of {@code dirs} holds what the first does; says each difference on
     * {@code err}, and unless {@code quiet} that all agree ("every {@code what} saved the same N files").
     */
    static boolean check(List<Path> dirs, PrintWriter err, boolean quiet, String what) throws IOException {
        TreeDigest first = TreeDigest.of(dirs.get(0));
        boolean same = true;
        for (int i = 1; i < dirs.size(); i++) {
            List<String> differences = TreeDigest.of(dirs.get(i)).differencesFrom(first);
            for (String d : differences) {
                err.println("compare: " + dirs.get(i).getFileName() + " differs from " + dirs.get(0).getFileName() + ": " + d);
            }
            same &= differences.isEmpty();
        }
        if (same && !quiet) {
            err.println("compare: every " + what + " saved the same " + first.size() + " files (SHA-256)");
        }
        return same;
    }
}
