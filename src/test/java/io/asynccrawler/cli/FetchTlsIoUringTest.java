package io.asynccrawler.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asynccrawler.netty.Transport;
import org.junit.jupiter.api.BeforeAll;

/** The behaviours of {@link FetchTlsTest}, on the event loop over io_uring, where the kernel allows it. */
class FetchTlsIoUringTest extends FetchTlsTest {
    @BeforeAll
    static void ioUringAvailable() {
        assumeTrue(Transport.IO_URING.isAvailable(), () -> "io_uring: " + Transport.IO_URING.unavailabilityCause());
    }

    @Override
    String transport() {
        return "io_uring";
    }
}
