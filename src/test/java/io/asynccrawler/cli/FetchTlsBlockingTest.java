package io.asynccrawler.cli;

/** The behaviours of {@link FetchTlsTest}, on the blocking transport (threads mode): one contract, two transports. */
class FetchTlsBlockingTest extends FetchTlsTest {
    @Override
    String mode() {
        return "threads";
    }
}
