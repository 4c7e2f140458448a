package io.asynccrawler.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Streams one body into {@code NAME.part} (created new, owner-only) and publishes it as {@code NAME}
 * only on {@link #commit()}; {@link #abort()} deletes the part file, {@link #keep()} leaves it for
 * --resume, which continues it with {@link #resume}. Blocking: run it off the event loop.
 */
public final class FileSink implements AutoCloseable {
    /** Made once: building the options and the attribute cost each file 3 us on the disk threads. */
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<StandardOpenOption> CREATE_NEW =
            Collections.unmodifiableSet(EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));

    private final OutputDirectory dir;
    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private long written;
    private volatile boolean closed;

    private FileSink(OutputDirectory dir, Path target, Path part, FileChannel channel) {
        this.dir = dir;
        this.target = target;
        this.part = part;
        this.channel = channel;
    }

    /** Opens {@code relative}'s part file inside {@code dir}, replacing a stale one from an earlier run. */
    public static FileSink open(OutputDirectory dir, Path relative) throws IOException {
        Path target = dir.prepare(relative);
        Path part = partOf(target);
        FileChannel channel;
        try {
            channel = create(part, dir);
        } catch (FileAlreadyExistsException stale) {
            Files.delete(part); // a symlink is deleted, never followed
            channel = create(part, dir);
        }
        return new FileSink(dir, target, part, channel);
    }

    /**
     * Reopens {@code relative}'s part file to continue it at {@code offset} (for --resume): anything
     * past the offset is cut off. The part must be a regular file (never a symlink) of at least that size.
     */
    public static FileSink resume(OutputDirectory dir, Path relative, long offset) throws IOException {
        Path target = dir.prepare(relative);
        Path part = partOf(target);
        FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS) || channel.size() < offset) {
                throw new IOException(part + " changed while resuming");
            }
            channel.truncate(offset);
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FileSink(dir, target, part, channel);
    }

    /** The size of {@code relative}'s part file, or -1 if there is none (a symlink there does not count). */
    public static long partSize(OutputDirectory dir, Path relative) throws IOException {
        Path part = partOf(dir.resolve(relative));
        return Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS) ? Files.size(part) : -1;
    }

    /** Publishes an existing part file as complete (the server said it already has all its bytes). */
    public static void publishPart(OutputDirectory dir, Path relative) throws IOException {
        FileSink sink = resume(dir, relative, partSize(dir, relative));
        sink.commit();
    }

    /** Deletes {@code relative}'s part file, if any. */
    public static void deletePart(OutputDirectory dir, Path relative) throws IOException {
        Files.deleteIfExists(partOf(dir.resolve(relative)));
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private static FileChannel create(Path part, OutputDirectory dir) throws IOException {
        return dir.fileMode() == null ? FileChannel.open(part, CREATE_NEW) : FileChannel.open(part, CREATE_NEW, OWNER_ONLY);
    }

    public Path target() {
        return target;
    }

    public long written() {
        return written;
    }

    /** Writes all of {@code src}. */
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            written += channel.write(src);
        }
    }

    /** Publishes the complete file under its final name (atomically replacing any file there). */
    public synchronized void commit() throws IOException {
        try {
            channel.close();
            Set<PosixFilePermission> mode = dir.fileMode();
            if (mode != null) {
                Files.setPosixFilePermissions(part, mode); // a rename keeps the part file's 0600
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            closed = true;
        } catch (IOException e) {
            abort();
            throw e;
        }
    }

    /** Drops the part file; the final name is left as it was. Safe to call more than once, from any thread. */
    public synchronized void abort() {
        if (!closeOnce()) {
            return;
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // nothing more can be done; the name ends in .part, so it never looks complete
        }
    }

    /** Closes the part file and leaves it for a later --resume. Safe to call more than once, from any thread. */
    public synchronized void keep() {
        closeOnce(); // what reached the file stays; a resume continues from its size
    }

    /** Closes the channel the first time; false if the sink was already closed, committed or aborted. */
    private boolean closeOnce() {
        if (closed) {
            return false;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the bytes written so far are in the file, or it is about to be deleted
        }
        return true;
    }

    /** Whether a finished file is already at {@code relative} (a symlink there does not count). */
    public static boolean exists(OutputDirectory dir, Path relative) throws IOException {
        if (dir.startedEmpty()) {
            return false;
        }
        Path path = dir.resolve(relative);
        // java.io.File answers a miss without throwing; Files.isRegularFile builds an exception for
        // each, which costs more than the stat on a list of fresh URLs. File follows links, so a hit
        // is checked again without following them.
        return path.toFile().isFile() && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() {
        abort();
    }
}
