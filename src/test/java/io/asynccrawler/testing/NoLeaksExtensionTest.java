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
        assertThat(NoLeaksExtension.collectLeaks()).anySatisfy(leak -> assertThat(leak).contains("LEAK"));
    }

    @Test
    void staysQuietWhenBuffersAreReleased() throws InterruptedException {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(64);
        buf.writeLong(42);
        buf.release();
        assertThat(NoLeaksExtension.collectLeaks()).isEmpty();
    }

    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(7);
    }
}
