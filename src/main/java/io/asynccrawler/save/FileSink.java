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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Streams one body into {@code NAME.part} (created new, owner-only) and publishes it as {@code NAME}
 * only on {@link #commit()}; {@link #abort()} deletes the part file. Blocking: run it off the event loop.
 */
public final class FileSink implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        Path part = target.resolveSibling(target.getFileName() + ".part");
        FileChannel channel;
        try {
            channel = create(part, dir);
        } catch (FileAlreadyExistsException stale) {
            Files.delete(part); // a symlink is deleted, never followed
            channel = create(part, dir);
        }
        return new FileSink(dir, target, part, channel);
    }

    private static FileChannel create(Path part, OutputDirectory dir) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return dir.fileMode() == null
                ? FileChannel.open(part, options)
                : FileChannel.open(part, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
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
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the part file is deleted next either way
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // nothing more can be done; the name ends in .part, so it never looks complete
        }
    }

    /** Whether a finished file is already at {@code relative} (a symlink there does not count). */
    public static boolean exists(OutputDirectory dir, Path relative) throws IOException {
        return Files.isRegularFile(dir.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() {
        abort();
    }
}
