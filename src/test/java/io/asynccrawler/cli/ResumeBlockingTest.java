package io.asynccrawler.cli;

/** The behaviours of {@link ResumeTest}, on the blocking transport (threads mode). */
class ResumeBlockingTest extends ResumeTest {
    @Override
    String mode() {
        return "threads";
    }
}
