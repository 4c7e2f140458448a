package io.asynccrawler.cli;

import io.asynccrawler.fetch.Http2Use;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A protocol {@code compare --protocols} runs the job over, on the event loop. */
enum ComparedProtocol {
    /** HTTP/1.1 only, as {@code --http1.1}. */
    HTTP1_1("http1.1", Http2Use.NEVER),
    /** HTTP/2: by ALPN over TLS, by prior knowledge (h2c) to plain http, as {@code --http2-prior-knowledge}. */
    H2("h2", Http2Use.PRIOR_KNOWLEDGE);

    private final String label;
    private final Http2Use http2;

    ComparedProtocol(String label, Http2Use http2) {
        this.label = label;
        this.http2 = http2;
    }

    /** The word the option takes, and the run's label (its column, its directory). */
    String label() {
        return label;
    }

    Http2Use http2() {
        return http2;
    }

    /** {@code --protocols}' words. */
    static final class Converter implements ITypeConverter<ComparedProtocol> {
        @Override
        public ComparedProtocol convert(String value) {
            String word = value.trim().toLowerCase(Locale.ROOT);
            for (ComparedProtocol p : values()) {
                if (p.label.equals(word) || word.equals("http2") && p == H2 || word.equals("http/1.1") && p == HTTP1_1) {
                    return p;
                }
            }
            throw new TypeConversionException("not a protocol: '" + value + "' (http1.1, h2)");
        }
    }

    /** The words --protocols takes, for shell completion. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(java.util.List.of("http1.1", "h2"));
        }
    }
}
