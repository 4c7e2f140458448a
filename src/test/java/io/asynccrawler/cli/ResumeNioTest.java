package io.asynccrawler.cli;

/** The behaviours of {@link ResumeTest}, on the event loop over NIO (what runs where the native transports cannot load). */
class ResumeNioTest extends ResumeTest {
    @Override
    String transport() {
        return "nio";
    }
}
