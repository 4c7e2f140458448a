package io.asynccrawler.cli;

/** The behaviours of {@link CookiesTest} on the blocking transport (threads mode). */
class CookiesBlockingTest extends CookiesTest {
    @Override
    String mode() {
        return "threads";
    }
}
