package io.asynccrawler.cli;

import io.asynccrawler.server.TestServer;
import io.asynccrawler.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link FetchTestBase} with a second test server, {@code other}: another origin (another port) to redirect to. */
abstract class TwoOriginsTestBase extends FetchTestBase {
    static TestServer other;

    @BeforeAll
    static void startOther() throws InterruptedException {
        other = TestServer.start("127.0.0.1", 0, null, Transport.auto());
    }

    @AfterAll
    static void stopOther() {
        other.close();
    }
}
