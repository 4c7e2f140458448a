package io.asynccrawler.save;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job's output directory: its real path, the permission bits a finished file gets (what the
 * user's umask gives a new file), and the only way to create directories inside it.
 */
public final class OutputDirectory {
    /** Directories already checked or created; bounded, since a crawl may make very many. */
    private static final int MAX_KNOWN_DIRECTORIES = 100_000;

    private final Path root;
    private final Set<PosixFilePermission> fileMode;
    private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();
    private final boolean startedEmpty;
    /** Whether open() made the directory itself (not its parents): see {@link #removeIfMadeAndEmpty}. */
    private final boolean made;

    private OutputDirectory(Path root, Set<PosixFilePermission> fileMode, boolean startedEmpty, boolean made) {
        this.root = root;
        this.fileMode = fileMode;
        this.startedEmpty = startedEmpty;
        this.made = made;
    }

    /** Creates {@code dir} if missing and checks that files can be created in it. */
    public static OutputDirectory open(Path dir) throws IOException {
        boolean made = Files.notExists(dir, LinkOption.NOFOLLOW_LINKS);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new NotDirectoryException(dir.toString()); // what the JDK says is that something else has the name
        }
        Path root = dir.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(dir.toString());
        }
        boolean empty;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            empty = !entries.iterator().hasNext();
        }
        // A file created without explicit permissions gets 0666 minus the umask: that is what
        // curl and wget give a download, and what we set on each file before publishing it.
        Path probe = root.resolve(".crawler-probe-" + UUID.randomUUID());
        Files.createFile(probe);
        try {
            Set<PosixFilePermission> mode = posix(probe)
                    ? Collections.unmodifiableSet(EnumSet.copyOf(Files.getPosixFilePermissions(probe))) : null;
            return new OutputDirectory(root, mode, empty, made);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    /**
     * Removes the directory if open() made it and nothing was saved in it: a mistyped list name or a
     * job whose every URL failed leaves no empty directory behind, as curl and wget make theirs only
     * to save a file. A directory that was there before, or holds anything, stays.
     */
    public void removeIfMadeAndEmpty() {
        if (made) {
            removeIfEmpty(root);
        }
    }

    /** Removes the directory {@code dir} if it is empty; else, or if it is gone, does nothing. */
    public static void removeIfEmpty(Path dir) {
        try {
            Files.delete(dir); // refused if anything is in it
        } catch (IOException e) {
            // not empty, or gone: either way nothing to do
        }
    }

    /**
     * Whether the directory was empty when the job opened it. Then no file in it predates the job,
     * and since every URL of a job claims its own name, none needs a look before it is fetched.
     */
    public boolean startedEmpty() {
        return startedEmpty;
    }

    /** Permission bits for a finished file (read-only: one set for every file), or null where the file system has none. */
    Set<PosixFilePermission> fileMode() {
        return fileMode;
    }

    /**
     * The absolute path of {@code relative}, after checking it stays inside the root, creating its
     * parent directories one level at a time and refusing any level that is a symbolic link.
     */
    public Path prepare(Path relative) throws IOException {
        Path target = resolve(relative);
        Path parent = target.getParent();
        if (parent == null || parent.equals(root) || knownDirectories.contains(parent)) {
            return target;
        }
        Path dir = root;
        for (Path part : root.relativize(target.getParent() == null ? root : target.getParent())) {
            if (part.toString().isEmpty()) {
                continue;
            }
            dir = dir.resolve(part);
            if (knownDirectories.contains(dir)) {
                continue;
            }
            if (Files.isSymbolicLink(dir)) {
                throw new IOException("refusing to write through a symbolic link: " + root.relativize(dir));
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("not a directory: " + root.relativize(dir));
                    }
                }
            }
            if (knownDirectories.size() < MAX_KNOWN_DIRECTORIES) {
                knownDirectories.add(dir);
            }
        }
        return target;
    }

    /** The absolute path of {@code relative}; throws if it would lie outside the root. */
    public Path resolve(Path relative) throws IOException {
        if (relative.isAbsolute()) {
            throw new IOException("absolute output path: " + relative);
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("output path escapes the output directory: " + relative);
        }
        return target;
    }
}
