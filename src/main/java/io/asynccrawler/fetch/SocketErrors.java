package io.asynccrawler.fetch;

import java.util.Locale;

/**
 * What a socket error's message says where neither the JDK nor Netty gives it a type of its own:
 * both transports read the same words here. The JDK writes {@code Connection refused},
 * {@code Connection reset (by peer)}, {@code Too many open files}; Netty's native transports put
 * the system call first ({@code connect(..) failed: Connection refused}).
 */
public final class SocketErrors {
    private SocketErrors() {
    }

    /** ECONNREFUSED: nothing listens on the port. */
    public static boolean refused(Throwable e) {
        return says(e, "refused");
    }

    /** ECONNRESET: the peer reset the connection. */
    public static boolean reset(Throwable e) {
        return says(e, "reset");
    }

    /** EMFILE: the process may open no more files (sockets count), {@code ulimit -n}. */
    public static boolean tooManyOpenFiles(Throwable e) {
        return says(e, "too many open files");
    }

    private static boolean says(Throwable e, String words) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(words);
    }
}
