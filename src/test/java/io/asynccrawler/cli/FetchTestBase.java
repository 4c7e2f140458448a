package io.asynccrawler.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test server on loopback, a scratch directory, and a way to run {@code crawler fetch} and read its report. */
abstract class FetchTestBase {
    static TestServer server;
    static String base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws InterruptedException {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
        base = server.baseUri().toString();
        base = base.substring(0, base.length() - 1);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    Path out() {
        return tmp.resolve("out");
    }

    Path report() {
        return tmp.resolve("report.json");
    }

    Path list(String... lines) throws IOException {
        Path file = tmp.resolve("urls-" + System.nanoTime() + ".txt");
        Files.write(file, List.of(lines));
        return file;
    }

    /** The mode every fetch of this test class runs in; subclasses run the same behaviours in another. */
    String mode() {
        return "async";
    }

    /** The event loop's transport, or null for the default; subclasses run the same behaviours on another. */
    String transport() {
        return null;
    }

    @BeforeEach
    void transportAvailable() {
        assumeAvailable(transport());
    }

    /** Skips a test on a transport this machine cannot run (io_uring where the kernel refuses it). */
    static void assumeAvailable(String transport) {
        if (transport != null) {
            Transport t = Transport.parse(transport);
            assumeTrue(t.isAvailable(), () -> transport + ": " + t.unavailabilityCause());
        }
    }

    /** Runs fetch into {@link #out()} with a report, plus {@code args}. */
    Cli fetch(String... args) {
        List<String> all = new ArrayList<>(List.of("-o", out().toString(), "--report", report().toString()));
        all.addAll(List.of(args));
        return Cli.run(fetchArgs(mode(), transport(), all.toArray(String[]::new)));
    }

    /** {@code fetch -q --mode MODE [--transport T]}, then {@code more}. */
    static String[] fetchArgs(String mode, String transport, String... more) {
        List<String> all = new ArrayList<>(List.of("fetch", "-q", "--mode", mode));
        if (transport != null) {
            all.addAll(List.of("--transport", transport));
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The report's results by URL. */
    Map<String, JsonNode> results() throws IOException {
        Map<String, JsonNode> byUrl = new HashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(report().toFile()).get("results")) {
            byUrl.put(r.get("url").asText(), r);
        }
        return byUrl;
    }

    JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(report().toFile()).get("summary");
    }
}
