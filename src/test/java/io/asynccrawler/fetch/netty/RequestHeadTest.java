package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asynccrawler.fetch.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request head as bytes: the same bytes as Netty's encoder, and nothing smuggled in. */
class RequestHeadTest {
    private static String ours(String target, String host, List<Header> headers) {
        ByteBuf b = RequestHead.encode(ByteBufAllocator.DEFAULT, target, host, headers);
        try {
            return b.toString(StandardCharsets.ISO_8859_1);
        } finally {
            b.release();
        }
    }

    private static String netty(String target, String host, List<Header> headers) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestEncoder());
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        r.headers().set("Host", host); // (the request object had HttpHeaderNames.HOST, "host"; curl sends "Host")
        for (Header h : headers) {
            r.headers().add(h.name(), h.value());
        }
        channel.writeOutbound(r);
        StringBuilder out = new StringBuilder();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    @Test
    void theSameBytesAsNettysEncoder() {
        List<Header> usual = List.of(new Header("User-Agent", "async-crawler/0.1.0"), new Header("Accept", "*/*"),
                new Header("Accept-Encoding", "gzip, deflate"));
        String[][] cases = {
            {"/", "example.com"},
            {"/s/000001.bin", "127.0.0.1:18080"},
            {"/a%20b/c?x=1&y=%C3%A9", "[::1]:8080"},
            {"/caf\u00e9/\u65e5\u672c?q=\u00fc", "xn--caf-dma.example"},
        };
        for (String[] c : cases) {
            assertThat(ours(c[0], c[1], usual)).as(c[0]).isEqualTo(netty(c[0], c[1], usual));
        }
        List<Header> odd = List.of(new Header("X-Tab", "a\tb"), new Header("X-Latin", "caf\u00e9"),
                new Header("Range", "bytes=100-"), new Header("X-Empty", ""));
        assertThat(ours("/", "h", odd)).isEqualTo(netty("/", "h", odd));
        assertThat(ours("/", "h", List.of())).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void aValueWithALineBreakOrAControlCharacterIsRefused() {
        for (String value : List.of("a\r\nEvil: 1", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u001bb")) {
            assertThatThrownBy(() -> ours("/", "h", List.of(new Header("X", value))))
                    .as(value).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header X");
        }
        assertThatThrownBy(() -> ours("/", "h\r\nEvil: 1", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameThatIsNotATokenIsRefused() {
        for (String name : List.of("", "Bad Name", "X:Y", "X\r\n", "Caf\u00e9", "(x)")) {
            assertThatThrownBy(() -> ours("/", "h", List.of(new Header(name, "v"))))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theTargetIsTheRawPathAndQueryInOriginForm() {
        assertThat(RequestHead.target(URI.create("http://h"))).isEqualTo("/");
        assertThat(RequestHead.target(URI.create("http://h/a%2Fb?c=d%20e#frag"))).isEqualTo("/a%2Fb?c=d%20e");
        assertThat(RequestHead.target(URI.create("http://h?x"))).isEqualTo("/?x");
    }
}
