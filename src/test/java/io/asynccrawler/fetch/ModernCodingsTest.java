package io.asynccrawler.fetch;

import static io.asynccrawler.fetch.ContentDecoderTest.DATA;
import static io.asynccrawler.fetch.ContentDecoderTest.decode;
import static io.asynccrawler.fetch.ContentDecoderTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** br and zstd, alone and stacked, fed in pieces of every size: the bytes that were encoded, and streams cut short said so. */
class ModernCodingsTest {
    @Test
    void bothLibrariesLoadHereAndAreAskedFor() {
        assertThat(Codings.brotli()).isTrue();
        assertThat(Codings.zstd()).isTrue();
        assertThat(Codings.acceptEncoding()).isEqualTo("gzip, deflate, br, zstd");
    }

    @Test
    void brotliDecodesWhateverTheChunking() throws IOException {
        byte[] br = Encoder.compress(DATA);
        for (int piece : new int[] {1, 7, 4096, br.length}) {
            assertThat(decode("br", br, piece)).as("pieces of " + piece).isEqualTo(DATA);
        }
    }

    @Test
    void zstdDecodesWhateverTheChunkingAndFramesOneAfterAnother() throws IOException {
        byte[] zstd = Zstd.compress(DATA);
        for (int piece : new int[] {1, 7, 4096, zstd.length}) {
            assertThat(decode("zstd", zstd, piece)).as("pieces of " + piece).isEqualTo(DATA);
        }
        byte[] two = concat(zstd, Zstd.compress(DATA));
        assertThat(decode("zstd", two, zstd.length)).as("a piece ends where a frame does").isEqualTo(concat(DATA, DATA));
        assertThat(decode("zstd", two, 1000)).isEqualTo(concat(DATA, DATA));
    }

    @Test
    void stackedCodingsAreUndoneLastFirst() throws IOException {
        byte[] gzipThenBr = Encoder.compress(gzip(DATA));
        assertThat(decode("gzip, br", gzipThenBr, 1000)).isEqualTo(DATA);
        byte[] brThenZstd = Zstd.compress(Encoder.compress(DATA));
        assertThat(decode("br,zstd", brThenZstd, 333)).isEqualTo(DATA);
        assertThat(decode("identity, zstd", Zstd.compress(DATA), 4096)).isEqualTo(DATA);
    }

    @Test
    void moreThanThreeStackedCodingsAreRefused() {
        assertThatThrownBy(() -> ContentDecoder.forEncoding("gzip, br, zstd, gzip"))
                .isInstanceOf(FetchException.class).hasMessageContaining("more than 3 codings stacked");
    }

    @Test
    void streamsCutShortAreTruncatedAndGarbageIsABadResponse() throws IOException {
        byte[] br = Encoder.compress(DATA);
        assertThatThrownBy(() -> decode("br", Arrays.copyOf(br, br.length / 2), 1000))
                .isInstanceOf(FetchException.class).extracting(e -> ((FetchException) e).reason()).isEqualTo(Reason.TRUNCATED);
        byte[] zstd = Zstd.compress(DATA);
        assertThatThrownBy(() -> decode("zstd", Arrays.copyOf(zstd, zstd.length / 2), 1000))
                .isInstanceOf(FetchException.class).extracting(e -> ((FetchException) e).reason()).isEqualTo(Reason.TRUNCATED);
        byte[] noise = new byte[5000];
        new Random(3).nextBytes(noise);
        // zstd checks a magic number; random bytes may well begin a brotli stream (an uncompressed
        // block of some megabytes, say), which then ends early: either way no file is taken as whole
        assertThatThrownBy(() -> decode("zstd", noise, 1000))
                .isInstanceOf(FetchException.class).extracting(e -> ((FetchException) e).reason()).isEqualTo(Reason.BAD_RESPONSE);
        assertThatThrownBy(() -> decode("br", noise, 1000))
                .isInstanceOf(FetchException.class).extracting(e -> ((FetchException) e).reason()).isIn(Reason.BAD_RESPONSE, Reason.TRUNCATED);
    }

    @Test
    void aZstdFrameThatWantsMoreThanAnEightMebibyteWindowIsRefused() throws IOException {
        byte[] big = new byte[24 << 20];
        new Random(4).nextBytes(big);
        System.arraycopy(big, 0, big, 16 << 20, 8 << 20); // a match 16 MiB back: only a window that large finds it
        byte[] wide;
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            wide = ctx.setLevel(1).setLong(25).compress(big); // a 32 MiB window
        }
        assertThatThrownBy(() -> decode("zstd", wide, 1 << 20)).isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(Reason.BAD_RESPONSE);
        assertThat(decode("zstd", Zstd.compress(big), 1 << 20)).as("the default window of level 3 is within 8 MiB").isEqualTo(big);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
