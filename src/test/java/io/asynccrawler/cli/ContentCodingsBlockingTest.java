package io.asynccrawler.cli;

/** The same codings through the blocking transport, which decodes with the same decoders. */
class ContentCodingsBlockingTest extends ContentCodingsTest {
    @Override
    String mode() {
        return "threads";
    }
}
