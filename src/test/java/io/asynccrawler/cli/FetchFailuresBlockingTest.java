package io.asynccrawler.cli;

/** The behaviours of {@link FetchFailuresTest}, on the blocking transport (threads mode): one contract, two transports. */
class FetchFailuresBlockingTest extends FetchFailuresTest {
    @Override
    String mode() {
        return "threads";
    }
}
