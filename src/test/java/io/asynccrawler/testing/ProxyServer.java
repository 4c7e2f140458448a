package io.asynccrawler.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A real proxy from Debian on 127.0.0.1, started by a test: tinyproxy (HTTP, Basic credentials on
 * request), squid with Debian's own squid.conf (its access rules: CONNECT to port 443 only), or
 * microsocks (SOCKS5, a user name and password on request). Each writes what it carried to a log of
 * its own, in a directory of the test's, so a test can see that a request went through it.
 */
public final class ProxyServer implements AutoCloseable {
    /** The proxies, by their binary. */
    public enum Kind {
        TINYPROXY("/usr/bin/tinyproxy"),
        SQUID("/usr/sbin/squid"),
        MICROSOCKS("/usr/bin/microsocks");

        private final Path binary;

        Kind(String binary) {
            this.binary = Path.of(binary);
        }

        public boolean installed() {
            return Files.isExecutable(binary) && (this != SQUID || Files.isRegularFile(DEBIAN_SQUID_CONF));
        }
    }

    private static final Path DEBIAN_SQUID_CONF = Path.of("/etc/squid/squid.conf");
    private final Process process;
    private final int port;
    private final Path log;

    private ProxyServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code kind} with its files in {@code work} (made writable by all: squid drops to the
     * proxy user), asking for {@code user} and {@code password} when user is not null (not squid).
     */
    public static ProxyServer start(Kind kind, Path work, String user, String password) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = LocalServers.freePort();
        Path log = work.resolve(kind == Kind.SQUID ? "access.log" : "proxy.log");
        List<String> command = new ArrayList<>(List.of(kind.binary.toString()));
        switch (kind) {
            case TINYPROXY:
                Path conf = work.resolve("tinyproxy.conf");
                Files.writeString(conf, String.join("\n", "Port " + port, "Listen 127.0.0.1", "Timeout 30",
                        "LogFile \"" + log + "\"", "LogLevel Connect", "PidFile \"" + work.resolve("tinyproxy.pid") + "\"",
                        "MaxClients 100", "Allow 127.0.0.1", user == null ? "" : "BasicAuth " + user + " " + password, ""));
                command.addAll(List.of("-d", "-c", conf.toString()));
                break;
            case SQUID:
                command.addAll(List.of("-N", "-f", squidConf(work, port).toString()));
                break;
            default:
                command.addAll(List.of("-i", "127.0.0.1", "-p", String.valueOf(port)));
                if (user != null) {
                    command.addAll(List.of("-u", user, "-P", password));
                }
        }
        Path out = work.resolve("stdout.log");
        // microsocks logs each connection on stdout: that is its log
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput((kind == Kind.MICROSOCKS ? log : out).toFile())
                .start();
        ProxyServer server = new ProxyServer(p, port, log);
        try {
            LocalServers.awaitListening(kind.name().toLowerCase(), p, port, kind == Kind.MICROSOCKS ? log : out);
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Debian's squid.conf, its access rules as they are, listening on {@code port} and writing in {@code work}. */
    private static Path squidConf(Path work, int port) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(DEBIAN_SQUID_CONF)) {
            if (line.startsWith("http_port ")) {
                line = "http_port 127.0.0.1:" + port;
            } else if (line.startsWith("coredump_dir ")) {
                line = "coredump_dir " + work;
            }
            lines.add(line);
        }
        lines.addAll(List.of("pid_filename " + work.resolve("squid.pid"), "access_log stdio:" + work.resolve("access.log"),
                "cache_log " + work.resolve("cache.log"), "cache_store_log none", "cache deny all", "shutdown_lifetime 0 seconds",
                "pinger_enable off", ""));
        Path conf = work.resolve("squid.conf");
        Files.write(conf, lines);
        return conf;
    }

    /** The proxy's URL, {@code scheme://[user:password@]127.0.0.1:port}. */
    public String url(String scheme, String credentials) {
        return scheme + "://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What the proxy logged so far (squid writes its access log as each request ends). */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
