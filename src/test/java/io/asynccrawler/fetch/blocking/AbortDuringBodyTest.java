package io.asynccrawler.fetch.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchException;
import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Reason;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.testing.RecordingReceiver;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * BodyReceiver's contract on the blocking transport: a cancel from another thread while the
 * exchange's thread is inside onBody (a slow disk) neither runs onAbort beside that call nor ends
 * the exchange before onAbort has run; a cancel that comes before any call ends it at once.
 */
class AbortDuringBodyTest {
    private static final String TEN = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";

    @Test
    void anAbortWhileInsideOnBodyWaitsForTheCallThenEndsTheExchange() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (ScriptedServer server = new ScriptedServer().on("/slow-disk", Script.reply(TEN))) {
            BlockingClient client = new BlockingClient(FetchSettings.defaults("test"), null, worker, 5);
            RecordingReceiver receiver = new RecordingReceiver(true);
            InFlight exchange = client.exchange(new Request(URI.create(server.base() + "/slow-disk"), List.of()), receiver);
            assertThat(receiver.awaitInBody()).isTrue();

            exchange.abort(); // returns at once: the call under way is not waited for here
            assertThat(exchange.completion()).as("ended before the receiver dropped its file").isNotDone();
            assertThat(receiver.calls()).containsExactly("head 200", "body>");

            receiver.letBodyGo();
            Throwable failure = catchFailure(exchange);
            assertThat(failure).isInstanceOf(FetchException.class);
            assertThat(((FetchException) failure).reason()).isEqualTo(Reason.CANCELLED);
            assertThat(receiver.calls()).containsExactly("head 200", "body>", "body< 10", "abort");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void anAbortBeforeTheResponseEndsTheExchangeAtOnce() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (ScriptedServer server = new ScriptedServer().on("/silent", Script.silence())) {
            BlockingClient client = new BlockingClient(FetchSettings.defaults("test"), null, worker, 5);
            RecordingReceiver receiver = new RecordingReceiver();
            InFlight exchange = client.exchange(new Request(URI.create(server.base() + "/silent"), List.of()), receiver);
            exchange.abort();
            assertThat(((FetchException) catchFailure(exchange)).reason()).isEqualTo(Reason.CANCELLED);
            assertThat(receiver.calls()).containsExactly("abort");
        } finally {
            worker.shutdownNow();
        }
    }

    private static Throwable catchFailure(InFlight exchange) throws InterruptedException {
        try {
            exchange.completion().get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the exchange did not end", e);
        }
    }
}
