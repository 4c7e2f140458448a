package io.asynccrawler.cli.process;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.channels.Channels;

/** The process's standard input, as a stream whose blocked read an interrupt ends. */
public final class Stdin {
    private Stdin() {
    }

    /**
     * Reads file descriptor 0 through a FileChannel: a thread blocked in a read of it (a pipe whose
     * writer is alive but silent, {@code tail -f urls.log | crawler fetch -}) wakes with
     * ClosedByInterruptException when interrupted, and the channel closes. System.in's read cannot
     * be interrupted: a job stopped by a signal would wait for the next line that may never come.
     */
    public static InputStream interruptible() {
        return Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
    }
}
