package io.asynccrawler.fetch;

/** The HTTP version a response came by; {@link #word()} is the report's word, the ALPN name. */
public enum Protocol {
    HTTP_1_1("http/1.1"),
    H2("h2");

    private final String word;

    Protocol(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
