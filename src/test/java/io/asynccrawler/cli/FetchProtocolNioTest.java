package io.asynccrawler.cli;

/** The behaviours of {@link FetchProtocolTest}, on the event loop over NIO (what runs where the native transports cannot load). */
class FetchProtocolNioTest extends FetchProtocolTest {
    @Override
    String transport() {
        return "nio";
    }
}
