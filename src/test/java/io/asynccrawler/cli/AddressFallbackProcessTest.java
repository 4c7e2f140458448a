package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host name with several addresses: a new connection tries each in turn until one connects, as
 * curl and wget do. A real process, so that the JDK reads a hosts file of the test's own
 * (jdk.net.hosts.file) that gives each name its addresses, in order: 127.0.0.2 and 127.0.0.4 refuse
 * (nothing listens there), 127.0.0.3 is silent (a listener whose accept queue is full drops the
 * handshake), 127.0.0.1 is the test server.
 */
class AddressFallbackProcessTest extends FetchTestBase {
    @Test
    void aNewConnectionTriesEachAddressOfItsName() throws Exception {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        Path hosts = Files.writeString(tmp.resolve("hosts"), String.join("\n",
                "127.0.0.2 refusing-first.test", "127.0.0.1 refusing-first.test",
                "127.0.0.3 silent-first.test", "127.0.0.1 silent-first.test",
                "127.0.0.2 all-refusing.test", "127.0.0.4 all-refusing.test", ""));
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), port), 1);
            fillAcceptQueue(silent, queued);
            Process p = new ProcessBuilder(CrawlerProcess.command(List.of("-Djdk.net.hosts.file=" + hosts),
                    List.of("fetch", "-q", "--retries", "0", "--connect-timeout", "4s", "-o", out().toString(),
                            "--report", report().toString(),
                            list("http://refusing-first.test:" + port + "/bytes/10 a.bin",
                                    "http://silent-first.test:" + port + "/bytes/20 b.bin",
                                    "http://all-refusing.test:" + port + "/bytes/30 c.bin").toString())))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("output.txt").toFile())
                    .start();
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
                assertThat(p.exitValue()).as(Files.readString(tmp.resolve("output.txt"))).isEqualTo(1);
            } finally {
                p.destroyForcibly();
            }
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
        Map<String, JsonNode> results = results();
        assertThat(results.get("http://refusing-first.test:" + port + "/bytes/10").get("outcome").asText()).isEqualTo("ok");
        assertThat(Files.size(out().resolve("a.bin"))).isEqualTo(10);
        // The silent address gets half of the connect timeout, the next one the rest: it still connects.
        assertThat(results.get("http://silent-first.test:" + port + "/bytes/20").get("outcome").asText()).isEqualTo("ok");
        assertThat(Files.size(out().resolve("b.bin"))).isEqualTo(20);
        JsonNode dead = results.get("http://all-refusing.test:" + port + "/bytes/30");
        assertThat(dead.get("outcome").asText()).isEqualTo("failed");
        assertThat(dead.get("reason").asText()).isEqualTo("connect_refused");
        assertThat(out().resolve("c.bin")).doesNotExist();
    }

    /** Connects until the listener's accept queue is full, so that its next handshakes go unanswered. Bounded. */
    private static void fillAcceptQueue(ServerSocket listener, List<Socket> queued) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(listener.getLocalSocketAddress(), 300);
                queued.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return;
            } catch (IOException refused) {
                s.close(); // net.ipv4.tcp_abort_on_overflow=1: a full queue refuses instead of staying silent
                return;
            }
        }
        throw new IllegalStateException("the accept queue of " + listener + " never filled");
    }
}
