package io.asynccrawler.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx serving a directory on 127.0.0.1, for tests that crawl a real site nobody here
 * wrote: static files with nginx's own types, lengths and 404s. Its configuration, pid and logs
 * live in a directory of the test's.
 */
public final class Nginx implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private final Process process;
    private final URI base;

    private Nginx(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isRegularFile(Path.of("/etc/nginx/mime.types"));
    }

    /** Serves {@code root} at the returned server's {@link #base()}; its files live in {@code work}. */
    public static Nginx serve(Path root, Path work) throws IOException, InterruptedException {
        return serve(root, work, "");
    }

    /** As above, with {@code httpDirectives} (such as {@code gzip on; gzip_types *;}) in the http block. */
    public static Nginx serve(Path root, Path work, String httpDirectives) throws IOException, InterruptedException {
        return start(root, work, httpDirectives, null);
    }

    /**
     * Serves {@code root} over TLS with HTTP/2 (ALPN h2 and http/1.1) at the returned server's
     * {@link #base()}, an https URL; {@code pem} holds its certificate and key.
     */
    public static Nginx serveHttp2(Path root, Path work, Path pem, String httpDirectives) throws IOException, InterruptedException {
        return start(root, work, httpDirectives, pem);
    }

    private static Nginx start(Path root, Path work, String httpDirectives, Path pem) throws IOException, InterruptedException {
        int port = LocalServers.freePort();
        String listen = pem == null ? "listen 127.0.0.1:" + port + ";"
                : "listen 127.0.0.1:" + port + " ssl http2; ssl_certificate " + pem + "; ssl_certificate_key " + pem + ";";
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, String.join("\n",
                "worker_processes 1;",
                "error_log " + work.resolve("error.log") + " info;",
                "pid " + work.resolve("nginx.pid") + ";",
                "events { worker_connections 1024; }",
                "http {",
                "  include /etc/nginx/mime.types;",
                "  access_log " + work.resolve("access.log") + ";",
                "  client_body_temp_path " + work.resolve("body") + ";",
                "  keepalive_requests 100000;",
                "  " + httpDirectives,
                "  server { " + listen + " root " + root.toAbsolutePath() + "; }",
                "}", ""));
        Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "-p", work.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(p, URI.create((pem == null ? "http" : "https") + "://127.0.0.1:" + port + "/"));
        try {
            LocalServers.awaitListening("nginx", p, port, work.resolve("stdout.log"));
        } catch (IOException | InterruptedException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() {
        Processes.stop(process); // SIGTERM: nginx's fast shutdown
    }
}
