package io.asynccrawler.cli;

/** The hostile-server table again, on the event loop over io_uring, where the kernel allows it (skipped elsewhere). */
class HostileServerIoUringTest extends HostileServerTest {
    @Override
    String transport() {
        return "io_uring";
    }
}
