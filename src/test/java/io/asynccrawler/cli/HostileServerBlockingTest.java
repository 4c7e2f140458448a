package io.asynccrawler.cli;

/** The hostile-server table again, on the blocking transport (threads mode). */
class HostileServerBlockingTest extends HostileServerTest {
    @Override
    String mode() {
        return "threads";
    }
}
