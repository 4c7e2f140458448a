package io.asynccrawler.cli;

/** The hostile-server table again, on the event loop over NIO (what runs where the native transports cannot load). */
class HostileServerNioTest extends HostileServerTest {
    @Override
    String transport() {
        return "nio";
    }
}
