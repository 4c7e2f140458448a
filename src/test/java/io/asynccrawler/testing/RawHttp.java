package io.asynccrawler.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A plain socket client for tests that must see the exact bytes on the wire (framing, faults, pipelining). */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;

    public RawHttp(InetSocketAddress address, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(readTimeoutMillis);
    }

    /** Sends {@code GET target} with the given extra header lines (each ending in CRLF). */
    public RawHttp get(String target, String extraHeaders) throws IOException {
        send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
        return this;
    }

    public void send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection. */
    public byte[] readToEnd() throws IOException {
        return socket.getInputStream().readAllBytes();
    }

    /** Reads exactly {@code n} bytes, or fewer if the connection ends first. */
    public byte[] read(int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }

    public InputStream in() throws IOException {
        return socket.getInputStream();
    }

    /** Splits a response into its head (up to the blank line) and body bytes. */
    public static String head(byte[] response) {
        int end = headEnd(response);
        return new String(response, 0, end < 0 ? response.length : end, StandardCharsets.ISO_8859_1);
    }

    public static byte[] body(byte[] response) {
        int end = headEnd(response);
        return end < 0 ? new byte[0] : Arrays.copyOfRange(response, end + 4, response.length);
    }

    private static int headEnd(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Collects a stream's bytes; for readability at call sites. */
    public static byte[] drain(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
