package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {
    static final byte[] DATA = data();

    static byte[] data() {
        byte[] b = new byte[300_000];
        Random r = new Random(1);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (r.nextInt(16) + 'a'); // compressible, not trivially
        }
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean zlib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(6, !zlib))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    /** Feeds {@code encoded} in pieces of {@code piece} bytes and returns what came out. */
    static byte[] decode(String encoding, byte[] encoded, int piece) throws IOException {
        ContentDecoder decoder = ContentDecoder.forEncoding(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < encoded.length; i += piece) {
                ByteBuffer in = ByteBuffer.wrap(encoded, i, Math.min(piece, encoded.length - i));
                decoder.decode(in, b -> {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    out.write(chunk);
                });
                assertThat(in.hasRemaining()).isFalse();
            }
            decoder.finish();
        } finally {
            decoder.close();
        }
        return out.toByteArray();
    }

    @Test
    void gunzipsWhateverTheChunking() throws IOException {
        byte[] gz = gzip(DATA);
        for (int piece : new int[] {1, 7, 10, 11, 4096, gz.length}) {
            assertThat(decode("gzip", Arrays.copyOf(gz, gz.length), piece)).as("pieces of %d", piece).isEqualTo(DATA);
        }
    }

    @Test
    void gunzipsConcatenatedMembersAndOptionalHeaderFields() throws IOException {
        byte[] a = gzip("hello ".getBytes());
        byte[] b = gzip("world".getBytes());
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(new String(decode("x-gzip", both, 3))).isEqualTo("hello world");
        byte[] named = gzip("x".getBytes());
        byte[] withName = new byte[named.length + 4];
        System.arraycopy(named, 0, withName, 0, 10);
        withName[3] = 8; // FNAME
        withName[10] = 'a';
        withName[11] = '.';
        withName[12] = 'b';
        withName[13] = 0;
        System.arraycopy(named, 10, withName, 14, named.length - 10);
        assertThat(new String(decode("gzip", withName, 2))).isEqualTo("x");
    }

    @Test
    void aGzipStreamCutShortIsTruncatedNotAShortFile() throws IOException {
        byte[] gz = gzip(DATA);
        for (int cut : new int[] {5, 20, gz.length / 2, gz.length - 8, gz.length - 1}) {
            assertThatThrownBy(() -> decode("gzip", Arrays.copyOf(gz, cut), 1000))
                    .as("cut at %d", cut)
                    .isInstanceOf(FetchException.class)
                    .satisfies(e -> assertThat(((FetchException) e).word()).isEqualTo("truncated"));
        }
    }

    @Test
    void corruptGzipIsABadResponse() throws IOException {
        byte[] gz = gzip(DATA);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 6] ^= 0x55;
        assertThatThrownBy(() -> decode("gzip", badCrc, 4096)).hasMessageContaining("checksum");
        byte[] badData = gz.clone();
        for (int i = 20; i < 60; i++) {
            badData[i] = (byte) 0xff;
        }
        assertThatThrownBy(() -> decode("gzip", badData, 4096)).isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> decode("gzip", "plain text, not gzip".getBytes(), 4096)).hasMessageContaining("not gzip");
    }

    @Test
    void inflatesZlibAndRawDeflate() throws IOException {
        assertThat(decode("deflate", deflate(DATA, true), 999)).isEqualTo(DATA);
        assertThat(decode("deflate", deflate(DATA, false), 999)).isEqualTo(DATA);
        byte[] z = deflate(DATA, true);
        assertThatThrownBy(() -> decode("deflate", Arrays.copyOf(z, z.length / 2), 999)).isInstanceOf(FetchException.class);
    }

    @Test
    void identityPassesBytesThroughAndUnknownEncodingsAreRefused() throws IOException {
        assertThat(decode(null, DATA, 5000)).isEqualTo(DATA);
        assertThat(decode("identity", DATA, 5000)).isEqualTo(DATA);
        assertThatThrownBy(() -> ContentDecoder.forEncoding("compress")).hasMessageContaining("unsupported Content-Encoding: compress");
    }

    /** Feeds {@code sent} to the decoder a .tar.gz gets when gzip was asked for, in pieces of {@code piece} bytes. */
    static byte[] savedAsGzipFile(byte[] sent, int piece) throws IOException {
        ContentDecoder decoder = ContentDecoder.forResponse("gzip", "application/octet-stream", "a.tar.gz", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentDecoder.Output sink = b -> {
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk);
        };
        try {
            for (int i = 0; i < sent.length; i += piece) {
                ByteBuffer in = ByteBuffer.wrap(sent, i, Math.min(piece, sent.length - i));
                decoder.decode(in, sink);
                assertThat(in.hasRemaining()).isFalse();
            }
            decoder.finish(sink);
        } finally {
            decoder.close();
        }
        return out.toByteArray();
    }

    /**
     * A .tar.gz under Content-Encoding gzip: as Apache's AddEncoding labels it (the file as sent),
     * or gzipped again on the fly by nginx (the file inside one layer): the file either way, in any
     * piece size; without gzip asked for, the coding is a label and the bytes are kept.
     */
    @Test
    void aGzipFileIsSavedAsTheFileWhetherLabelledOrCompressedAgain() throws IOException {
        byte[] file = gzip(DATA);
        for (int piece : new int[] {1, 7, 4096, file.length * 2}) {
            assertThat(savedAsGzipFile(file, piece)).as("labelled, pieces of " + piece).isEqualTo(file);
            assertThat(savedAsGzipFile(gzip(file), piece)).as("compressed again, pieces of " + piece).isEqualTo(file);
        }
        byte[] tiny = gzip(new byte[] {42});
        assertThat(savedAsGzipFile(tiny, 3)).as("one byte inside: no gzip in it, the file as sent").isEqualTo(tiny);
        assertThat(ContentDecoder.forResponse("gzip", null, "a.tar.gz", false).keepsBytes()).isTrue();
    }
}
