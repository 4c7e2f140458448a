package io.asynccrawler.cli;

/** The behaviours of {@link FetchProtocolTest}, on the event loop over io_uring, where the kernel allows it (skipped elsewhere). */
class FetchProtocolIoUringTest extends FetchProtocolTest {
    @Override
    String transport() {
        return "io_uring";
    }
}
