package io.asynccrawler.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

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
        int port = LocalServers.freePort();
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
        try {
            LocalServers.awaitListening("lighttpd", p, port, work.resolve("stdout.log"));
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
