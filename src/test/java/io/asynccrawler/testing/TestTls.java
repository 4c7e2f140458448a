package io.asynccrawler.testing;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/** The checked-in test certificates (src/test/resources/tls, made by make-certs.sh). */
public final class TestTls {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    /** A server context for one of good, wrong-host, expired, self-signed. */
    public static SslContext server(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name + ".p12")) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        return SslContextBuilder.forServer(kmf).build();
    }

    /** The test CA's certificate, for --cacert. */
    public static Path caFile() throws URISyntaxException {
        return Path.of(TestTls.class.getResource("/tls/ca.pem").toURI());
    }
}
