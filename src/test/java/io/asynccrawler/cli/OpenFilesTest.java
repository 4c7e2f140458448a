package io.asynccrawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asynccrawler.fetch.netty.NettyClient;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class OpenFilesTest {
    private static final IntUnaryOperator IDLE = NettyClient::maxIdleFor;

    @Test
    void aLimitThatHoldsTheJobLeavesItsConcurrency() {
        // 64 in flight: 2 files each, 256 idle connections, 64 to spare, 40 open already
        assertThat(OpenFiles.needs(64, 40, IDLE)).isEqualTo(40 + 64 + 128 + 256);
        assertThat(OpenFiles.fit(64, 488, 40, IDLE)).isEqualTo(64);
        assertThat(OpenFiles.fit(64, -1, 40, IDLE)).as("limit unknown").isEqualTo(64);
    }

    @Test
    void aLowerLimitGivesTheLargestConcurrencyThatFits() {
        int fits = OpenFiles.fit(500, 200, 30, c -> c);
        assertThat(OpenFiles.needs(fits, 30, c -> c)).isLessThanOrEqualTo(200);
        assertThat(OpenFiles.needs(fits + 1, 30, c -> c)).isGreaterThan(200);
        assertThat(OpenFiles.fit(500, 10, 30, c -> c)).as("never below one").isEqualTo(1);
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
