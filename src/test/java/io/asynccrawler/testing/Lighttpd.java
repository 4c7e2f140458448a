package io.asynccrawler.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's lighttpd serving a directory on 127.0.0.1: a real server whose answers differ from
 * nginx's where it matters to resuming (a 416 without Content-Range, as Apache 2.4's). Its
 * configuration, pid and log live in a directory of the test's.
 */
public final class Lighttpd implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/lighttpd");
    private final Process process;
    private final URI base;

    private Lighttpd(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Serves {@code root} (readable by all: lighttpd may drop to another user) at {@link #base()}. */
    public static Lighttpd serve(Path root, Path work) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path conf = work.resolve("lighttpd.conf");
        Files.writeString(conf, String.join("\n",
                "server.document-root = \"" + root.toAbsolutePath() + "\"",
                "server.bind = \"127.0.0.1\"",
                "server.port = " + port,
                "server.errorlog = \"" + work.resolve("error.log") + "\"",
                "server.pid-file = \"" + work.resolve("lighttpd.pid") + "\"",
                "mimetype.assign = ( \"\" => \"application/octet-stream\" )", ""));
        Process p = new ProcessBuilder(BINARY.toString(), "-D", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        Lighttpd server = new Lighttpd(p, URI.create("http://127.0.0.1:" + port + "/"));
        // in the foreground it says nothing when it listens: its port accepting is the sign, asked
        // every 50 ms for 10 s at most
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("lighttpd ended at once: " + Files.readString(work.resolve("stdout.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("lighttpd did not listen on port " + port + " within 10 s");
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
