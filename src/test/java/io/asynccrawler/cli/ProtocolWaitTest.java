package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * While one new https connection's handshake tells whether an origin speaks h2, the origin's other
 * URLs wait for it rather than open a connection each; when that handshake fails, they fail with
 * it at once, not one handshake timeout after another.
 */
class ProtocolWaitTest extends FetchTestBase {
    @Test
    void urlsWaitingForAHandshakeThatNeverEndsFailWithIt() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept(); // and never a byte back: the TLS handshake times out
                        accepted.incrementAndGet();
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                urls.add("https://127.0.0.1:" + silent.getLocalPort() + "/f" + i);
            }
            Cli cli = fetch("--retries", "0", "--connect-timeout", "1s", list(urls.toArray(String[]::new)).toString());
            assertThat(cli.exitCode).isEqualTo(1);
            for (String url : urls) {
                JsonNode r = results().get(url);
                assertThat(r.get("reason").asText()).as(r.toString()).isEqualTo("connect_timeout");
            }
            assertThat(accepted.get()).as("one handshake tried for the origin, not one after another").isEqualTo(1);
        } finally {
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
