package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS goes through BoringSSL on the platforms the crawler ships its library for, with host names
 * checked on the engine: a build that lost the native library would fall back to the JDK's TLS
 * silently, at several times the CPU a handshake.
 */
class TlsContextsTest {
    @Test
    void boringSslLoadsOnLinuxX64AndArm64() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch")), "a platform the jar carries BoringSSL for");
        assertThat(OpenSsl.isAvailable()).as("BoringSSL: %s", OpenSsl.unavailabilityCause()).isTrue();
        assertThat(TlsContexts.provider()).hasToString("OPENSSL");
        SslContext context = TlsContexts.client(false, null);
        assertThat(context.isClient()).isTrue();
        SslHandler handler = TlsContexts.newHandler(context, ByteBufAllocator.DEFAULT, "example.test", 443, false);
        try {
            assertThat(handler.engine().getClass().getSimpleName()).contains("OpenSsl");
            assertThat(handler.engine().getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
            assertThat(handler.engine().getPeerHost()).isEqualTo("example.test");
        } finally {
            ReferenceCountUtil.release(handler.engine());
        }
    }
}
