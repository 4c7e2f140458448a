package io.asynccrawler.cli;

/** The behaviours of {@link FetchProtocolTest}, on the blocking transport (threads mode): one contract, two transports. */
class FetchProtocolBlockingTest extends FetchProtocolTest {
    @Override
    String mode() {
        return "threads";
    }
}
