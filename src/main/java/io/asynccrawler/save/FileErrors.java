package io.asynccrawler.save;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A file error in words: the JDK's file exceptions often carry only the path ("/x: /x"), not what went wrong. */
public final class FileErrors {
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
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        return null;
    }
}
