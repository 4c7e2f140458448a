package io.asynccrawler.cli;

/** The behaviours of {@link FetchFailuresTest}, on the event loop over io_uring, where the kernel allows it (skipped elsewhere). */
class FetchFailuresIoUringTest extends FetchFailuresTest {
    @Override
    String transport() {
        return "io_uring";
    }
}
