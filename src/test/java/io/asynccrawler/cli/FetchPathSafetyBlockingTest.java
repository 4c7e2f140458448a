package io.asynccrawler.cli;

/** The behaviours of {@link FetchPathSafetyTest}, on the blocking transport (threads mode): one contract, two transports. */
class FetchPathSafetyBlockingTest extends FetchPathSafetyTest {
    @Override
    String mode() {
        return "threads";
    }
}
