package io.asynccrawler.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A transport with no network, for the fetch policy's own tests: each URL answers with its list of
 * {@link Answer}s in turn (the last repeats), on a thread of its own as a transport's disk thread
 * would, keeping BodyReceiver's contract. Every request is written down with when it was sent.
 */
final class ScriptedClient implements ExchangeClient {
    /** What one exchange does to its receiver; throwing a FetchException fails the exchange. */
    @FunctionalInterface
    interface Answer {
        void run(BodyReceiver receiver) throws Exception;
    }

    /** A request as sent, and {@link System#nanoTime()} when. */
    record Sent(Request request, long nanos) {
        String header(String name) {
            return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                    .findFirst().orElse(null);
        }
    }

    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scripted-client");
        t.setDaemon(true);
        return t;
    });

    ScriptedClient on(String url, Answer... inTurn) {
        answers.put(url, List.of(inTurn));
        return this;
    }

    synchronized List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    /** The URLs requested, in order. */
    synchronized List<String> urls() {
        return sent.stream().map(s -> s.request().uri().toString()).toList();
    }

    /** A response with {@code status}, headers as name and value in turn, and {@code body} (Content-Length set). */
    static Answer respond(int status, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return receiver -> {
            String[] fields = new String[headers.length + 2];
            System.arraycopy(headers, 0, fields, 0, headers.length);
            fields[headers.length] = "Content-Length";
            fields[headers.length + 1] = String.valueOf(bytes.length);
            receiver.onHead(new ResponseHead(status, "", fields, System.nanoTime()));
            if (bytes.length > 0 && !receiver.onBody(ByteBuffer.wrap(bytes))) {
                return;
            }
            receiver.onEnd();
        };
    }

    /** A failure before any response: the receiver hears nothing. */
    static Answer failWith(FetchException failure) {
        return receiver -> {
            throw failure;
        };
    }

    @Override
    public InFlight exchange(Request request, BodyReceiver receiver) {
        String url = request.uri().toString();
        List<Answer> inTurn = answers.get(url);
        int n;
        synchronized (this) {
            sent.add(new Sent(request, System.nanoTime()));
            n = asked.merge(url, 1, Integer::sum) - 1;
        }
        CompletableFuture<Void> completion = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                if (inTurn == null) {
                    throw FetchException.connectRefused(url);
                }
                inTurn.get(Math.min(n, inTurn.size() - 1)).run(receiver);
                completion.complete(null);
            } catch (Exception e) {
                receiver.onAbort();
                completion.completeExceptionally(e);
            }
        });
        return new InFlight() {
            @Override
            public CompletableFuture<Void> completion() {
                return completion;
            }

            @Override
            public void abort() {
                // the answers here end at once; a policy test cancels between exchanges
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
