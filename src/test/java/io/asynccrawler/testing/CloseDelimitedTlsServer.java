package io.asynccrawler.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An https server on 127.0.0.1 (the "good" test certificate) whose every answer is a 200 with a
 * body ended by closing the connection, no length, no chunks. Path {@code /clean} ends it the way
 * TLS requires, with close_notify before the TCP close; any other path closes the TCP connection
 * without one, as a connection cut mid-body looks (so the client cannot know the body is whole).
 */
public final class CloseDelimitedTlsServer implements AutoCloseable {
    /** The body every answer sends before it closes. */
    public static final byte[] BODY = "0123456789".repeat(1000).getBytes(StandardCharsets.US_ASCII);

    private final SSLContext tls;
    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "close-delimited-tls");
        t.setDaemon(true);
        return t;
    });

    public CloseDelimitedTlsServer() throws Exception {
        tls = TestTls.jdkServer("good");
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::acceptLoop);
    }

    /** {@code https://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "https://127.0.0.1:" + listener.getLocalPort() + path;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket raw = listener.accept();
                connections.execute(() -> serve(raw));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket raw) {
        try (raw) {
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
            socket.setUseClientMode(false);
            String head = readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(BODY);
            out.flush();
            if (head.startsWith("GET /clean ")) {
                socket.close(); // close_notify, then (autoClose) the TCP close
            }
            // else: try-with-resources closes the TCP connection alone, without close_notify
        } catch (IOException e) {
            // a client that went away: nothing to serve
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 65536 && head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
