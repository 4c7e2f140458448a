package io.asynccrawler.fetch;

/** When the event loop speaks HTTP/2; the blocking modes speak HTTP/1.1 always. */
public enum Http2Use {
    /** {@code --http1.1}: HTTP/1.1 everywhere; TLS offers http/1.1 alone. */
    NEVER,
    /** The default, as curl and wget2: over TLS, h2 when the server picks it by ALPN; plain http stays HTTP/1.1. */
    NEGOTIATED,
    /** {@code --http2-prior-knowledge}: plain http speaks h2c from the first byte (no Upgrade); TLS as NEGOTIATED. */
    PRIOR_KNOWLEDGE
}
