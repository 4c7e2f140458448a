package io.asynccrawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of the commands' own (demo, compare's warm-up, the CDS training run). */
final class ScratchDirs {
    private ScratchDirs() {
    }

    /** Deletes {@code root} and everything below it (links are deleted, never followed). */
    static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
