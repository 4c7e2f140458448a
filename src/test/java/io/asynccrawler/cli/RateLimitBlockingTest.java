package io.asynccrawler.cli;

/** The behaviours of {@link RateLimitTest} on the blocking transport (sync mode). */
class RateLimitBlockingTest extends RateLimitTest {
    @Override
    String mode() {
        return "sync";
    }
}
