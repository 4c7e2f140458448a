package io.asynccrawler.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener whose accept queue is full, so the kernel drops further connection attempts
 * (they time out rather than being refused). Close it to release the sockets filling it.
 */
public final class FullListener implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket();
    private final List<Socket> fillers = new ArrayList<>();

    public FullListener() throws IOException {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(socket.getLocalSocketAddress(), 200);
                fillers.add(s);
            } catch (java.net.SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        throw new IOException("the accept queue did not fill up");
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        socket.close();
    }
}
