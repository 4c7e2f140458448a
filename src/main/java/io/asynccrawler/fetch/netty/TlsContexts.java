package io.asynccrawler.fetch.netty;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's TLS setup: chain and host name verified unless --insecure. BoringSSL (Netty's
 * tcnative) where its native library loads, as Netty's epoll transport does, else the JDK's TLS,
 * whose Java crypto, compiled by C1 only, costs about 2.5 ms of CPU more a new connection (1,000
 * https hosts: 4.5 s of CPU against 2.0 s, 2.86 s of wall against 1.52 s; README). {@code -v} says
 * which. {@code compare} asks for the JDK's in every mode, as the blocking modes can use no other, so
 * that it compares the ways of waiting and not two TLS libraries.
 */
public final class TlsContexts {
    private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {
    }

    /**
     * @param insecure accept any certificate and any host name
     * @param caFile   PEM certificates to trust instead of the JDK's, or null
     */
    public static SslContext client(boolean insecure, Path caFile) throws SSLException {
        return client(insecure, caFile, provider(), true);
    }

    /**
     * The same through {@code provider} ({@link SslProvider#JDK}, or what {@link #provider()} gives);
     * ALPN offers h2 before http/1.1 when {@code offerH2}, else http/1.1 alone.
     */
    public static SslContext client(boolean insecure, Path caFile, SslProvider provider, boolean offerH2) throws SSLException {
        if (!log.isDebugEnabled()) {
            // no word, and BoringSSL's library not loaded only to say why it was not used
        } else if (provider == SslProvider.OPENSSL) {
            log.debug("TLS: {} (netty-tcnative)", OpenSsl.versionString());
        } else if (OpenSsl.isAvailable()) {
            log.debug("TLS: the JDK's, as the blocking modes' (BoringSSL left out, so that compare compares the modes alone)");
        } else {
            log.debug("TLS: the JDK's (BoringSSL unavailable: {})", String.valueOf(OpenSsl.unavailabilityCause()));
        }
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(provider)
                // With http/1.1 alone (--http1.1), a server that speaks HTTP/2 only can refuse, or agree
                // no protocol, and the exchange says http2_only instead of a bare close.
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        offerH2 ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                                : new String[] {ApplicationProtocolNames.HTTP_1_1}));
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

    /** BoringSSL where its native library loads (not on a /tmp mounted noexec, say), else the JDK's. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
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
