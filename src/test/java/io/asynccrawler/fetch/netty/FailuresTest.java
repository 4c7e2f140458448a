package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.FetchException;
import io.netty.channel.ChannelException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What Netty throws, in the report's words. */
class FailuresTest {
    private static final Origin ORIGIN = Origin.of(URI.create("http://127.0.0.1:8080/x"));

    @Test
    void noFileDescriptorForTheSocketIsAConnectErrorThatSaysSo() {
        // what the epoll transport throws when socket() fails with EMFILE
        ChannelException e = new ChannelException(new IOException("newSocketStream(..) failed with error(-24): Too many open files"));
        FetchException f = Failures.connect(e, ORIGIN, Duration.ofSeconds(10));
        assertThat(f.word()).isEqualTo("connect_error");
        assertThat(f.getMessage()).isEqualTo("cannot connect to http://127.0.0.1:8080: too many open files (ulimit -n)");
        assertThat(f.isTransient()).isTrue();
    }

    @Test
    void aHandshakeThatTakesLongerThanTheConnectTimeoutIsAConnectTimeout() {
        FetchException f = Failures.handshake(new SslHandshakeTimeoutException("handshake timed out after 1000ms"), Duration.ofSeconds(1));
        assertThat(f.word()).isEqualTo("connect_timeout");
        assertThat(f.getMessage()).isEqualTo("timed out connecting after 1s (TLS handshake)");
        assertThat(f.isTransient()).isTrue();
    }
}
