package io.asynccrawler.server;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /encoded/{n}?coding=gzip,br,zstd&zeros=1}: n deterministic bytes (or zeros: a bomb, as
 * it compresses to almost nothing) sent under the listed content codings, applied in that order,
 * whatever the request asked for. Built in memory, so n is at most 64 MiB.
 */
final class Encoded {
    private static final long MAX = 64L << 20;

    private Encoded() {
    }

    static void serve(Call call, String rest) {
        int n = (int) Call.parseBounded("encoded", rest, 0, MAX);
        boolean zeros = call.flag("zeros");
        long seed = call.longParam("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        String codings = call.param("coding") == null ? "gzip" : call.param("coding");
        for (String coding : codings.split(",")) {
            if (!List.of("gzip", "br", "zstd", "identity").contains(coding.trim())) {
                throw new IllegalArgumentException("coding must be gzip, br, zstd or identity: " + coding.trim());
            }
        }
        // Compressing up to 64 MiB takes a while (a second for a 20 MiB bomb on a slow machine):
        // off the event loop, whose other connections and streams would wait for it meanwhile.
        CompletableFuture.supplyAsync(() -> {
            byte[] body = zeros ? new byte[n] : DeterministicBytes.bytes(seed, 0, n);
            for (String coding : codings.split(",")) {
                body = encode(coding.trim(), body);
            }
            return body;
        }).whenCompleteAsync((body, failure) -> {
            if (failure != null) { // a coding whose library does not load here
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                call.json(HttpResponseStatus.BAD_REQUEST, "{\"error\": " + Endpoints.quote(cause.getMessage()) + "}");
                return;
            }
            FullHttpResponse response = call.full(HttpResponseStatus.OK, "application/octet-stream", body);
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, codings);
            call.send(response);
        }, call.ctx.executor());
    }

    private static byte[] encode(String coding, byte[] bytes) {
        try {
            switch (coding) {
                case "gzip":
                    return gzip(bytes);
                case "br":
                    Brotli4jLoader.ensureAvailability(); // its library, loaded by nothing else in a server
                    return Encoder.compress(bytes);
                case "zstd":
                    return Zstd.compress(bytes);
                case "identity":
                    return bytes;
                default:
                    throw new IllegalArgumentException("coding must be gzip, br, zstd or identity: " + coding);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LinkageError e) { // brotli4j's or zstd-jni's library does not load on this machine
            throw new IllegalArgumentException(coding + " cannot be made here: " + e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out.toByteArray(), out.size());
    }
}
