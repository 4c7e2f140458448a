package io.asynccrawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.save.OutputDirectory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live view the progress line reads: a body joins when its file opens, says its size, and leaves however it ends. */
class DownloadsTest {
    @TempDir
    Path tmp;

    private static ResponseHead head(String... fields) {
        return new ResponseHead(200, "OK", fields, System.nanoTime());
    }

    @Test
    void aBodyInProgressSaysItsNameBytesAndSizeUntilItEnds() throws Exception {
        Downloads downloads = new Downloads();
        OutputDirectory dir = OutputDirectory.open(tmp.resolve("out"));
        ExchangeBody body = new ExchangeBody(dir, Path.of("big.iso"), -1, null, null, downloads);
        body.onHead(head("Content-Length", "300"));
        body.onBody(ByteBuffer.wrap(new byte[100]));
        assertThat(downloads.largest(2)).containsExactly(new Downloads.Progress("big.iso", 100, 300));
        assertThat(downloads.remaining()).isEqualTo(200);
        assertThat(downloads.saved()).isEqualTo(100);
        body.onBody(ByteBuffer.wrap(new byte[200]));
        body.onEnd();
        assertThat(downloads.active()).isZero();
        assertThat(downloads.saved()).isEqualTo(300);

        ExchangeBody cut = new ExchangeBody(dir, Path.of("cut.bin"), -1, null, null, downloads);
        cut.onHead(head("Content-Length", "300"));
        cut.onBody(ByteBuffer.wrap(new byte[10]));
        cut.onAbort();
        assertThat(downloads.active()).as("a failed body leaves too").isZero();
    }

    @Test
    void anEncodedBodyHasNoSizeSoNoEtaFromBytes() throws Exception {
        Downloads downloads = new Downloads();
        ExchangeBody body = new ExchangeBody(OutputDirectory.open(tmp.resolve("out")), Path.of("page.html"), -1, null, null, downloads);
        body.onHead(head("Content-Length", "50", "Content-Encoding", "gzip", "Content-Type", "text/html"));
        assertThat(downloads.largest(1)).containsExactly(new Downloads.Progress("page.html", 0, -1));
        assertThat(downloads.remaining()).as("the decoded size is not known").isEqualTo(-1);
        body.onAbort();
    }
}
