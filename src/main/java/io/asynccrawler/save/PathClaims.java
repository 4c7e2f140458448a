package io.asynccrawler.save;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out each output path once per job: a second URL that maps to a taken path gets the next
 * free {@code name~2.ext}, {@code name~3.ext}, ... in input order, so naming is deterministic.
 * Files and directories share one name space: {@code /docs} saved as the file {@code docs} and
 * {@code /docs/intro} needing the directory {@code docs} cannot both have it, so the later claim
 * gets a numbered name ({@code docs~2/intro}, or the file {@code docs~2}), and so do all later
 * paths through that directory. A crawl's redirect saves no file and gives its name back
 * ({@link #giveBack}): {@code /list} answered by a redirect to {@code /list/} leaves {@code list}
 * to the directory its listing and files go in. Claims come from the thread that reads the input,
 * names given back from the one that reports: the methods hold the object's lock, uncontended but
 * for those rare meetings.
 */
public final class PathClaims {
    private final NameSet taken;
    /** Directories that had to take a numbered name, by the name they wanted (rare, so a plain map). */
    private final Map<Path, Path> movedDirectories = new HashMap<>();
    /**
     * The directory the last claim asked for and what it became: the next URL is most often in the
     * same one. A directory's name never changes once given (no file may take a directory's name).
     */
    private Path lastWanted;
    private Path lastDirectory;

    /** Claims kept in memory, for one job. */
    public PathClaims() {
        this(new FingerprintSet());
    }

    /** Claims kept in {@code taken} (a crawl's store, which outlives the run). */
    public PathClaims(NameSet taken) {
        this.taken = taken;
    }

    /** {@code wanted} if no earlier URL took it, else the first free numbered variant of it. */
    public Path claim(Path wanted) {
        return claim(wanted, null);
    }

    /**
     * As {@link #claim(Path)}, for the URL {@code owner}: a name the set already gave that URL is
     * its own again (see {@link NameSet#add(String, String)}).
     */
    public synchronized Path claim(Path wanted, String owner) {
        Path wantedParent = wanted.getParent();
        Path parent;
        if (wantedParent != null && wantedParent.equals(lastWanted)) {
            parent = lastDirectory;
        } else {
            parent = directory(wantedParent);
            lastWanted = wantedParent;
            lastDirectory = parent;
        }
        Path file = parent == null ? wanted.getFileName() : parent.resolve(wanted.getFileName());
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? file : numbered(file, n, true);
            if (!taken.contains(directoryKey(candidate)) && taken.add(fileKey(candidate), owner)) {
                return candidate;
            }
        }
    }

    /**
     * Gives {@code claimed}, the file name {@code owner} was given, back: the URL saved nothing
     * there. A directory given meanwhile keeps its name, as the paths already handed out through it
     * do; a name another URL holds is left alone.
     */
    public synchronized void giveBack(Path claimed, String owner) {
        taken.remove(fileKey(claimed), owner);
    }

    /** The directory {@code wanted} becomes: itself, or a numbered name if a file took its name. */
    private Path directory(Path wanted) {
        if (wanted == null) {
            return null;
        }
        Path moved = movedDirectories.get(wanted);
        if (moved != null) {
            return moved;
        }
        Path parent = directory(wanted.getParent());
        Path here = parent == null ? wanted.getFileName() : parent.resolve(wanted.getFileName());
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? here : numbered(here, n, false);
            if (!taken.contains(fileKey(candidate))) {
                taken.add(directoryKey(candidate));
                if (!candidate.equals(wanted)) {
                    movedDirectories.put(wanted, candidate);
                }
                return candidate;
            }
        }
    }

    private static Path numbered(Path p, int n, boolean keepExtension) {
        String name = p.getFileName().toString();
        int dot = keepExtension ? name.lastIndexOf('.') : -1;
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return p.resolveSibling(stem + "~" + n + ext);
    }

    private static String fileKey(Path p) {
        return "f:" + p;
    }

    private static String directoryKey(Path p) {
        return "d:" + p;
    }
}
