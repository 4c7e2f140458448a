package io.asynccrawler.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * What the tests need around a real server of Debian's (nginx, lighttpd, nghttpd) started on
 * loopback: a free port, its files readable by the server's worker user, and the wait until it
 * listens.
 */
public final class LocalServers {
    private LocalServers() {
    }

    /** A port free on 127.0.0.1 now (the server binds it a moment later; a clash fails that server's start). */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /** Makes {@code paths} readable by all (directories searchable): servers drop to another user for their workers. */
    public static void readableByAll(Path... paths) throws IOException {
        for (Path p : paths) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /**
     * Returns once {@code server} accepts on {@code port}. These servers, run in the foreground,
     * print nothing when they listen and offer no other signal, so the port is the sign: a connect
     * tried every 50 ms, for 10 s at most; a server that ended meanwhile fails at once, with
     * {@code log}'s text.
     */
    public static void awaitListening(String name, Process server, int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException(name + " ended at once: " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException(name + " did not listen on port " + port + " within 10 s");
    }
}
