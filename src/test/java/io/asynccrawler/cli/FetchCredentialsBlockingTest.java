package io.asynccrawler.cli;

/** The behaviours of {@link FetchCredentialsTest}, on the blocking transport (threads mode): one contract, two transports. */
class FetchCredentialsBlockingTest extends FetchCredentialsTest {
    @Override
    String mode() {
        return "threads";
    }
}
