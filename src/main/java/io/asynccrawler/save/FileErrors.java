package io.asynccrawler.save;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Map;

/** A file error in words: the JDK's file exceptions often carry only the path ("/x: /x"), not what went wrong. */
public final class FileErrors {
    /** What the JDK's file exception types mean, where they carry no reason of their own. */
    private static final List<Map.Entry<Class<? extends FileSystemException>, String>> REASONS = List.of(
            Map.entry(NoSuchFileException.class, "no such file or directory"),
            Map.entry(AccessDeniedException.class, "permission denied"),
            Map.entry(NotDirectoryException.class, "not a directory"),
            Map.entry(FileAlreadyExistsException.class, "already exists"),
            Map.entry(DirectoryNotEmptyException.class, "directory not empty"),
            Map.entry(FileSystemLoopException.class, "symbolic link loop"));

    private FileErrors() {
    }

    /** {@code FILE: what went wrong} for a file system error, else the message (or the type, when there is none). */
    public static String describe(Throwable e) {
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() == null) {
            FileSystemException f = (FileSystemException) e;
            String reason = reasonOf(f);
            if (reason != null) {
                return (f.getFile() == null ? "" : f.getFile() + ": ") + reason
                        + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String reasonOf(FileSystemException e) {
        for (Map.Entry<Class<? extends FileSystemException>, String> r : REASONS) {
            if (r.getKey().isInstance(e)) {
                return r.getValue();
            }
        }
        return null;
    }
}
