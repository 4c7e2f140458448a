package io.asynccrawler.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

class NoLeaksExtensionTest {
    @Test
    void detectsABufferThatWasNeverReleased() throws InterruptedException {
        assertThat(NoLeaksExtension.collectLeaks()).isEmpty();
        leakOne();
        assertThat(NoLeaksExtension.collectLeaks()).anySatisfy(leak -> assertThat(leak).contains("LEAK").contains("DELIBERATE LEAK"));
    }

    @Test
    void staysQuietWhenBuffersAreReleased() throws InterruptedException {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(64);
        buf.writeLong(42);
        buf.release();
        assertThat(NoLeaksExtension.collectLeaks()).isEmpty();
    }

    /**
     * Leaks one buffer on purpose. Netty logs its report at ERROR as for any leak, so the test log
     * says beforehand that this one is deliberate, and the report itself carries a hint saying so.
     */
    private static void leakOne() {
        System.err.println("NoLeaksExtensionTest: the LEAK report below is deliberate: it proves a leak is caught");
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(7);
        leaked.touch("DELIBERATE LEAK (NoLeaksExtensionTest proves the detector works; not a fault)");
    }
}
