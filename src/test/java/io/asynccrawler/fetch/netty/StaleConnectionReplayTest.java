package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchSettings;
import io.asynccrawler.fetch.InFlight;
import io.asynccrawler.fetch.Request;
import io.asynccrawler.testing.RecordingReceiver;
import io.asynccrawler.testing.ScriptedServer;
import io.asynccrawler.testing.ScriptedServer.Script;
import io.asynccrawler.transport.Transport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection the server closed as the request went out is tried again on a new
 * connection with the same receiver: BodyReceiver's contract says onAbort is the last call, so
 * the receiver hears of the second attempt only, not of an abort and then a response.
 */
class StaleConnectionReplayTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @Test
    void theReplayedRequestsReceiverHearsOfTheSecondAttemptOnly() throws Exception {
        try (ScriptedServer server = new ScriptedServer()
                .on("/first", Script.reply(OK))
                .on("/second", Script.hangUp(), Script.reply(OK));
             NettyClient client = new NettyClient(ClientSettings.of(Transport.auto(),
                     FetchSettings.builder("test").retries(0).build(), ClientTls.onDemand(false), 1))) {
            RecordingReceiver first = new RecordingReceiver();
            exchange(client, server, "/first", first).completion().get(30, TimeUnit.SECONDS);

            RecordingReceiver second = new RecordingReceiver();
            exchange(client, server, "/second", second).completion().get(30, TimeUnit.SECONDS);

            assertThat(server.hits("/second")).as("sent on the kept connection, then on a new one").isEqualTo(2);
            assertThat(second.calls()).containsExactly("head 200", "body>", "body< 2", "end");
        }
    }

    private static InFlight exchange(NettyClient client, ScriptedServer server, String path, RecordingReceiver receiver) {
        return client.exchange(new Request(URI.create(server.base() + path), List.of()), receiver);
    }
}
