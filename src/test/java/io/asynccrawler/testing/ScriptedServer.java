package io.asynccrawler.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP server on raw sockets, for tests that need the protocol broken on purpose. Each
 * request path has a list of {@link Script}s: the n-th request to that path runs the n-th script (the
 * last one repeats). A script sends exact bytes, stays silent, drips, closes, resets (SO_LINGER 0), sends
 * forever, or keeps the connection open for the next request. Every request head received is recorded.
 */
public final class ScriptedServer implements AutoCloseable {
    /** Request heads larger than this are cut off (the scripted server is not under test). */
    private static final int MAX_REQUEST_HEAD = 256 * 1024;

    private final ServerSocket listener;
    private final Map<String, List<Script>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Socket> open = new ConcurrentLinkedQueue<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private volatile Script fallback = Script.reply("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

    public ScriptedServer() throws IOException {
        listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        connections.execute(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Serves {@code path} with these scripts, one per request in turn. A path with a query matches
     * that exact request target; one without also serves the path with any query.
     */
    public ScriptedServer on(String path, Script... inTurn) {
        scripts.put(path, List.of(inTurn));
        hits.remove(path);
        return this;
    }

    /** The script for paths that have none. */
    public ScriptedServer otherwise(Script script) {
        fallback = script;
        return this;
    }

    /** Every request head received so far, oldest first. */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** How many requests arrived for {@code path}. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                String[] requestLine = head.split(" ", 3);
                String target = requestLine.length > 1 ? requestLine[1] : "";
                List<Script> inTurn = scripts.get(target);
                if (inTurn == null && target.indexOf('?') >= 0) {
                    inTurn = scripts.get(target.substring(0, target.indexOf('?'))); // a script for the path serves any query
                }
                int n = hits.computeIfAbsent(target, k -> new AtomicInteger()).getAndIncrement();
                Script script = inTurn == null ? fallback : inTurn.get(Math.min(n, inTurn.size() - 1));
                if (!script.run(socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException ended) {
            // the client went away or the server is closing: either way this connection is done
        } finally {
            open.remove(socket);
        }
    }

    /** The request head up to its blank line, or null if the connection ended first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (head.size() < MAX_REQUEST_HEAD && last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the server does with one request: a list of steps run in order. */
    public static final class Script {
        private final List<Step> steps;

        private Script(List<Step> steps) {
            this.steps = steps;
        }

        /** Sends {@code bytes} (ISO-8859-1) and then keeps the connection for the next request. */
        public static Script reply(String bytes) {
            return new Script(List.of()).send(bytes);
        }

        /** Sends {@code bytes} and then keeps the connection for the next request. */
        public static Script reply(byte[] bytes) {
            return new Script(List.of()).send(bytes);
        }

        /** Sends what {@code bytes} gives when the request arrives (for values known only after start-up). */
        public static Script replyLazily(java.util.function.Supplier<String> bytes) {
            return new Script(List.of()).then((s, out) -> {
                out.write(bytes.get().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return true;
            });
        }

        /** Sends nothing at all, until the client gives up and closes. */
        public static Script silence() {
            return new Script(List.of()).untilClientCloses();
        }

        /** Closes without a byte of response. */
        public static Script hangUp() {
            return new Script(List.of()).close();
        }

        /** Resets (RST) without a byte of response. */
        public static Script resetNow() {
            return new Script(List.of()).reset();
        }

        public Script send(String bytes) {
            return send(bytes.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Script send(byte[] bytes) {
            return then((s, out) -> {
                out.write(bytes);
                out.flush();
                return true;
            });
        }

        /**
         * Sends nothing more and keeps the connection open until the client closes it (or the
         * server is closed): the silent server a read timeout must end. Waits on the socket, not a clock.
         */
        public Script untilClientCloses() {
            return then((s, out) -> {
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // whatever the client sends is ignored; the end of its stream is the cue
                }
                return false;
            });
        }

        /**
         * Sends {@code bytes} one byte every {@code everyMillis}: the slow server the client's
         * deadline is tested against. Paced by a read timeout on the socket, not a sleep, so that
         * the drip ends as soon as the client closes.
         */
        public Script drip(byte[] bytes, long everyMillis) {
            return then((s, out) -> {
                InputStream in = s.getInputStream();
                s.setSoTimeout((int) everyMillis);
                try {
                    for (byte b : bytes) {
                        out.write(b);
                        out.flush();
                        try {
                            if (in.read() < 0) {
                                return false; // the client gave up: nothing left to pace
                            }
                        } catch (SocketTimeoutException paced) {
                            // the interval passed: the next byte
                        }
                    }
                } finally {
                    s.setSoTimeout(0);
                }
                return true;
            });
        }

        /** Sends {@code chunk} over and over until the client closes (bounded by the client's limits). */
        public Script forever(byte[] chunk) {
            return then((s, out) -> {
                while (true) {
                    out.write(chunk);
                }
            });
        }

        /** Closes the connection (a FIN: the client sees a clean end of stream). */
        public Script close() {
            return then((s, out) -> {
                s.shutdownOutput();
                return false;
            });
        }

        /** Aborts the connection with an RST (SO_LINGER 0). */
        public Script reset() {
            return then((s, out) -> {
                s.setSoLinger(true, 0);
                s.close();
                return false;
            });
        }

        private Script then(Step step) {
            List<Step> more = new ArrayList<>(steps);
            more.add(step);
            return new Script(List.copyOf(more));
        }

        /** Runs the steps; false if the connection must not be read again. */
        boolean run(Socket socket, OutputStream out) throws IOException, InterruptedException {
            try {
                for (Step step : steps) {
                    if (!step.run(socket, out)) {
                        return false;
                    }
                }
                return true;
            } catch (SocketException clientGone) {
                return false;
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        boolean run(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }
}
