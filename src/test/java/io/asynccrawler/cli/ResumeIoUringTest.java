package io.asynccrawler.cli;

/** The behaviours of {@link ResumeTest}, on the event loop over io_uring, where the kernel allows it (skipped elsewhere). */
class ResumeIoUringTest extends ResumeTest {
    @Override
    String transport() {
        return "io_uring";
    }
}
