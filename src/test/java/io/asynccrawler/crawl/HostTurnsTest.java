package io.asynccrawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hosts in play are kept while they are; those dropped keep where their queue was taken up to. */
class HostTurnsTest {
    @Test
    void aHostDroppedWhenIdleIsFoundAgainWhereItsQueueWasTakenUpTo() {
        HostTurns turns = new HostTurns();
        long now = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            HostTurns.Host h = turns.of("h" + i);
            h.takenSeq = 10_000 + i;
            h.notBefore = now - 1;
        }
        turns.of("busy").inFlight = 1;
        turns.forgetIdle(now);
        assertThat(turns.get("h7")).as("dropped").isNull();
        assertThat(turns.get("busy")).as("in flight: kept").isNotNull();
        assertThat(turns.takenSeq("h7")).isEqualTo(10_007);
        assertThat(turns.takenSeq("never")).isEqualTo(-1);
        assertThat(turns.of("h7").takenSeq).as("in play again, from there").isEqualTo(10_007);
    }

    @Test
    void asManyDroppedHostsAreRememberedAsItsBoundTheOldestForgotten() {
        HostTurns turns = new HostTurns();
        long now = System.nanoTime();
        int hosts = HostTurns.REMEMBERED + 2000;
        for (int i = 0; i < hosts; i++) {
            HostTurns.Host h = turns.of("h" + i);
            h.takenSeq = i;
            h.notBefore = now - 1;
            if (i % 1500 == 1499) {
                turns.forgetIdle(now);
            }
        }
        turns.forgetIdle(now);
        assertThat(turns.takenSeq("h0")).as("the first dropped, past the bound").isEqualTo(-1);
        assertThat(turns.takenSeq("h" + (hosts - 1))).isEqualTo(hosts - 1);
    }
}
