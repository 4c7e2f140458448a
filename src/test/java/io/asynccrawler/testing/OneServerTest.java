package io.asynccrawler.testing;

import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh test server on loopback and a scratch directory for each test of a job against real connections. */
public abstract class OneServerTest {
    @TempDir
    protected Path tmp;

    protected TestServer server;

    @BeforeEach
    protected void startServer() throws InterruptedException {
        server = TestServer.start("127.0.0.1", 0, null, Transport.auto());
    }

    @AfterEach
    protected void stopServer() {
        server.close();
    }
}
