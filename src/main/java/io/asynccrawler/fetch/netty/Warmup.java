package io.asynccrawler.fetch.netty;

import io.asynccrawler.fetch.Header;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads and initialises the classes of one exchange before the job starts, off the event loop:
 * otherwise the first burst of responses waits on class loading there, and a timed comparison
 * charges the async mode for it alone (the blocking modes' classes are the JDK's, loaded already).
 */
final class Warmup {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok")
            .getBytes(StandardCharsets.US_ASCII);

    private Warmup() {
    }

    private static boolean done;

    /**
     * Once per JVM: the preload thread usually runs it while options are parsed, and a client
     * created meanwhile waits for it to finish rather than doing it again.
     */
    static synchronized void run() {
        if (done) {
            return;
        }
        exchangeOnce();
        Http2Warmup.exchangeOnce();
        done = true; // not before: after a failed preload the client tries again and reports it
    }

    private static void exchangeOnce() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseDecoder());
        try {
            channel.writeOutbound(RequestHead.encode(channel.alloc(), "/", "localhost", List.of(new Header("Accept", "*/*"))));
            for (Object o; (o = channel.readOutbound()) != null; ) {
                ReferenceCountUtil.release(o);
            }
            channel.writeInbound(Unpooled.wrappedBuffer(RESPONSE));
            for (Object o; (o = channel.readInbound()) != null; ) {
                ReferenceCountUtil.release(o);
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
