package io.asynccrawler.cli;

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
        assertThat(OpenFiles.plan(64, 488, 40, IDLE)).isEqualTo(new OpenFiles.Budget(64, 256));
        assertThat(OpenFiles.plan(64, -1, 40, IDLE)).as("limit unknown").isEqualTo(new OpenFiles.Budget(64, 256));
    }

    @Test
    void idleConnectionsGiveWayFirst() {
        assertThat(OpenFiles.plan(64, 400, 40, IDLE)).isEqualTo(new OpenFiles.Budget(64, 400 - 40 - 64 - 128));
        assertThat(OpenFiles.plan(10_000, 20_000, 50, IDLE)).as("C10K under a limit of 20,000")
                .isEqualTo(new OpenFiles.Budget(9_939, 8));
    }

    @Test
    void thenFewerRequestsAtOnce() {
        OpenFiles.Budget b = OpenFiles.plan(500, 200, 30, IDLE);
        assertThat(b).isEqualTo(new OpenFiles.Budget(49, 8));
        assertThat(OpenFiles.needs(b.concurrency(), b.idle(), 30)).isLessThanOrEqualTo(200);
        assertThat(OpenFiles.plan(500, 10, 30, IDLE)).as("never below one").isEqualTo(new OpenFiles.Budget(1, 0));
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
