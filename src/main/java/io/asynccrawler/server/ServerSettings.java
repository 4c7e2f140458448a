package io.asynccrawler.server;

import io.asynccrawler.transport.Transport;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;

/**
 * How a {@link TestServer} listens.
 *
 * @param host      address to bind
 * @param port      port, 0 for a free one
 * @param files     directory served under {@code /files/}, or null
 * @param transport the event loop transport
 * @param tls       a server TLS context to serve https, or null for plain http
 * @param countRequests keep a count of requests per path ({@link TestServer#requests()}): for tests
 */
public record ServerSettings(String host, int port, Path files, Transport transport, SslContext tls, boolean countRequests) {
    /** Settings that keep no count of requests. */
    public ServerSettings(String host, int port, Path files, Transport transport, SslContext tls) {
        this(host, port, files, transport, tls, false);
    }
}
