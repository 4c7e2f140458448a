package io.asynccrawler.cli;

/** The behaviours of {@link FetchFailuresTest}, on the event loop over NIO (what runs where the native transports cannot load). */
class FetchFailuresNioTest extends FetchFailuresTest {
    @Override
    String transport() {
        return "nio";
    }
}
