package io.asynccrawler.fetch.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS for the blocking transport, with the same choices as the async one: JDK trust, --cacert, or --insecure. */
public final class BlockingTls {
    private static final String REQUIRE_CLOSE_NOTIFY = "com.sun.net.ssl.requireCloseNotify";

    private BlockingTls() {
    }

    /**
     * Makes the JDK's TLS sockets report a TCP close without TLS's close_notify as an error, as the
     * event loop does (and curl), instead of as the end of the stream: a body that ends with its
     * connection (no length, no chunks) is whole only after close_notify, else an attacker or a
     * dying server could cut it short unseen. The JDK reads the property once, when its TLS socket
     * class first loads, which building any TLS context may do (Netty's does): Main calls this
     * before anything else, and a value given with -D stays.
     */
    public static void requireCloseNotify() {
        if (System.getProperty(REQUIRE_CLOSE_NOTIFY) == null) {
            System.setProperty(REQUIRE_CLOSE_NOTIFY, "true");
        }
    }

    public static SSLSocketFactory socketFactory(boolean insecure, Path caFile) throws GeneralSecurityException, IOException {
        if (!insecure && caFile == null) {
            return SSLContext.getDefault().getSocketFactory();
        }
        TrustManager[] trust = insecure ? new TrustManager[] {new TrustAll()} : fromPem(caFile);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        return context.getSocketFactory();
    }

    private static TrustManager[] fromPem(Path caFile) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /** --insecure: every certificate is accepted (the host name check is switched off per connection). */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
