package io.asynccrawler.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.netty.NettyClient;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class OpenFilesTest {
    private static final IntUnaryOperator IDLE = NettyClient::maxIdleFor;

    @Test
    void aLimitThatHoldsTheJobLeavesIt() {
        // 64 in flight: a socket and a file each, 256 idle connections, 64 to spare, 40 open already
        assertThat(OpenFiles.needs(64, 256, 40)).isEqualTo(40 + 64 + 128 + 256);
        for (boolean filesApart : new boolean[] {false, true}) {
            assertThat(OpenFiles.plan(64, 488, 40, IDLE, filesApart)).isEqualTo(new OpenFiles.Budget(64, 64, 256));
            assertThat(OpenFiles.plan(64, -1, 40, IDLE, filesApart)).as("limit unknown").isEqualTo(new OpenFiles.Budget(64, 64, 256));
        }
    }

    @Test
    void idleConnectionsGiveWayFirst() {
        for (boolean filesApart : new boolean[] {false, true}) {
            assertThat(OpenFiles.plan(64, 400, 40, IDLE, filesApart)).isEqualTo(new OpenFiles.Budget(64, 64, 400 - 40 - 64 - 128));
        }
    }

    @Test
    void thenTheEventLoopSavesFewerBodiesAtOnceThanItHasRequests() {
        // C10K under a limit of 20,000: all 10,000 requests, 9,878 files, 8 idle connections
        OpenFiles.Budget c10k = OpenFiles.plan(10_000, 20_000, 50, IDLE, true);
        assertThat(c10k).isEqualTo(new OpenFiles.Budget(10_000, 20_000 - 50 - 64 - 8 - 10_000, 8));
        assertThat(total(c10k, 50)).isEqualTo(20_000);
        assertThat(OpenFiles.plan(10_000, 20_000, 50, IDLE, false)).as("a file for each request")
                .isEqualTo(new OpenFiles.Budget(9_939, 9_939, 8));
    }

    @Test
    void thenFewerRequestsAtOnce() {
        OpenFiles.Budget blocking = OpenFiles.plan(500, 200, 30, IDLE, false);
        assertThat(blocking).isEqualTo(new OpenFiles.Budget(49, 49, 8));
        assertThat(total(blocking, 30)).isLessThanOrEqualTo(200);
        // files apart: a quarter of the 98 left after the reserve and the idle connections, at least 16
        OpenFiles.Budget async = OpenFiles.plan(500, 200, 30, IDLE, true);
        assertThat(async).isEqualTo(new OpenFiles.Budget(74, 24, 8));
        assertThat(total(async, 30)).isEqualTo(200);
        assertThat(OpenFiles.plan(500, 150, 30, IDLE, true)).as("at least 16 files").isEqualTo(new OpenFiles.Budget(32, 16, 8));
        for (boolean filesApart : new boolean[] {false, true}) {
            assertThat(OpenFiles.plan(500, 10, 30, IDLE, filesApart)).as("never below one").isEqualTo(new OpenFiles.Budget(1, 1, 0));
        }
    }

    private static long total(OpenFiles.Budget b, long open) {
        return open + OpenFiles.RESERVE + b.concurrency() + b.files() + b.idle();
    }

    @Test
    void theSoftLimitIsReadFromProcLimits() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max processes             127431               127431               processes \n"
                + "Max open files            20000                20000                files     \n";
        assertThat(OpenFiles.parseLimit(limits)).isEqualTo(20000);
        assertThat(OpenFiles.parseLimit(limits.replace("20000                20000", "unlimited            unlimited"))).isEqualTo(-1);
        assertThat(OpenFiles.parseLimit("")).isEqualTo(-1);
    }
}
