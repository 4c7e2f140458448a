package io.asynccrawler.cli;

/** The behaviours of {@link FetchTlsTest}, on the event loop over NIO (what runs where the native transports cannot load). */
class FetchTlsNioTest extends FetchTlsTest {
    @Override
    String transport() {
        return "nio";
    }
}
