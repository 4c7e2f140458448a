package io.asynccrawler.cli;

/** The behaviours of {@link FetchTlsTest}, on the event loop over io_uring, where the kernel allows it (skipped elsewhere). */
class FetchTlsIoUringTest extends FetchTlsTest {
    @Override
    String transport() {
        return "io_uring";
    }
}
