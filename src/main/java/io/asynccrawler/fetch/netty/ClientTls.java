package io.asynccrawler.fetch.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;

/**
 * The client's TLS context, built when the first https origin needs it. Building one loads the JDK's
 * TLS classes and trust store, a fifth of a second of every start, wasted on an http-only job. It is
 * built on the given executor, never on an event loop; exchanges waiting for it resume when it is ready.
 */
public final class ClientTls {
    /** Which TLS implementation the event loop uses. */
    public enum Engine {
        /** BoringSSL (netty-tcnative) where its native library loads, else the JDK's: half the CPU a handshake. */
        FASTEST,
        /** The JDK's, as the blocking modes use: compare then measures the ways of waiting, not two TLS libraries. */
        JDK
    }

    private final boolean insecure;
    private final boolean offerH2;
    private volatile CompletableFuture<SslContext> context;

    private ClientTls(boolean insecure, boolean offerH2, CompletableFuture<SslContext> context) {
        this.insecure = insecure;
        this.offerH2 = offerH2;
        this.context = context;
    }

    /** A context built already, so that its errors (a bad CA file) surface before the job starts. */
    private static ClientTls ready(SslContext context, boolean offerH2) {
        return new ClientTls(false, offerH2, CompletableFuture.completedFuture(context));
    }

    /**
     * A context built now with {@code engine}, trusting {@code caFile} (or the JDK's trust store
     * when null); {@code insecure} accepts any certificate and name; ALPN offers h2 when {@code offerH2}.
     */
    public static ClientTls ready(boolean insecure, Path caFile, Engine engine, boolean offerH2) throws SSLException {
        SslProvider provider = engine == Engine.JDK ? SslProvider.JDK : TlsContexts.provider();
        return ready(TlsContexts.client(insecure, caFile, provider, offerH2), offerH2);
    }

    /** The JDK's trust store, built on first use; {@code insecure} accepts any certificate and name; h2 offered. */
    public static ClientTls onDemand(boolean insecure) {
        return onDemand(insecure, true);
    }

    /** As above; ALPN offers h2 when {@code offerH2}. */
    public static ClientTls onDemand(boolean insecure, boolean offerH2) {
        return new ClientTls(insecure, offerH2, null);
    }

    /** Whether ALPN offers h2: a connection then waits for the handshake to know what it speaks. */
    boolean offersH2() {
        return offerH2;
    }

    /** The context, started on {@code executor} if nobody asked for it before. */
    CompletableFuture<SslContext> get(Executor executor) {
        CompletableFuture<SslContext> c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    CompletableFuture<SslContext> building = new CompletableFuture<>();
                    context = c = building;
                    executor.execute(() -> {
                        try {
                            building.complete(TlsContexts.client(insecure, null, TlsContexts.provider(), offerH2));
                        } catch (Exception | LinkageError e) {
                            building.completeExceptionally(e);
                        }
                    });
                }
            }
        }
        return c;
    }

    /** The context once {@link #get} has completed it. */
    SslContext now() {
        return context.getNow(null);
    }
}
