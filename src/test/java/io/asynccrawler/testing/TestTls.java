package io.asynccrawler.testing;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The checked-in test certificates (src/test/resources/tls, made by make-certs.sh). */
public final class TestTls {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    /** A server context for one of good, wrong-host, expired, self-signed. */
    public static SslContext server(String name) throws Exception {
        return SslContextBuilder.forServer(keys(name)).build();
    }

    /** As {@link #server}, offering h2 then http/1.1 by ALPN: the test server then speaks HTTP/2 to whoever picks it. */
    public static SslContext serverH2(String name) throws Exception {
        return SslContextBuilder.forServer(keys(name))
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                .build();
    }

    /** The same certificate as a JDK context, for a server on plain sockets (SSLServerSocket). */
    public static SSLContext jdkServer(String name) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys(name).getKeyManagers(), null, null);
        return context;
    }

    private static KeyManagerFactory keys(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name + ".p12")) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        return kmf;
    }

    /**
     * One of the certificates above with its key, written as PEM into {@code dir} for servers
     * that read PEM (nginx, nghttpd): the key as PKCS#8, then the certificate.
     */
    public static Path pem(String name, Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name + ".p12")) {
            store.load(in, PASSWORD);
        }
        String alias = store.aliases().nextElement();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(store.getKey(alias, PASSWORD).getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n"
                + base64.encodeToString(store.getCertificate(alias).getEncoded()) + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve(name + ".pem"), pem);
    }

    /** The test CA's certificate, for --cacert. */
    public static Path caFile() throws URISyntaxException {
        return Path.of(TestTls.class.getResource("/tls/ca.pem").toURI());
    }
}
