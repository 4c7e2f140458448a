package io.asynccrawler.fetch.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/** The client's TLS setup: the JDK provider, chain and host name verified unless --insecure. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @param insecure accept any certificate and any host name
     * @param caFile   PEM certificates to trust instead of the JDK's, or null
     */
    public static SslContext client(boolean insecure, Path caFile) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (insecure) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            if (caFile != null) {
                b.trustManager(new File(caFile.toString()));
            }
            b.endpointIdentificationAlgorithm("HTTPS");
        }
        return b.build();
    }

    /**
     * A handler for one connection, with SNI for {@code host}. Host name verification is set on
     * the engine itself as well, so no system property can switch it off.
     */
    static SslHandler newHandler(SslContext tls, ByteBufAllocator alloc, String host, int port, boolean insecure) {
        SslHandler handler = tls.newHandler(alloc, host, port);
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        if (!insecure) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(params);
        return handler;
    }
}
