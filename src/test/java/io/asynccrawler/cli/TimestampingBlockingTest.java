package io.asynccrawler.cli;

/** The behaviours of {@link TimestampingTest} on the blocking transport (sync mode). */
class TimestampingBlockingTest extends TimestampingTest {
    @Override
    String mode() {
        return "sync";
    }
}
