package io.asynccrawler.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
    @Test
    void tellsSeenFromNewAcrossGrowth() {
        FingerprintSet set = new FingerprintSet();
        int n = 200_000; // the table starts at 1,024 slots: many doublings
        for (int i = 0; i < n; i++) {
            assertThat(set.add("http://127.0.0.1/s/" + i)).as("first add of %d", i).isTrue();
        }
        assertThat(set.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(set.contains("http://127.0.0.1/s/" + i)).isTrue();
            assertThat(set.add("http://127.0.0.1/s/" + i)).isFalse();
        }
        assertThat(set.contains("http://127.0.0.1/s/" + n)).isFalse();
        assertThat(set.contains("")).isFalse();
        assertThat(set.add("")).isTrue();
        assertThat(set.contains("")).isTrue();
        assertThat(set.size()).isEqualTo(n + 1);
    }

    @Test
    void removedStringsAreGoneAndTheRestStayFoundAsAHashSetWouldSay() {
        // 700 of 1,024 slots: long probe runs that wrap around the table's end, holes in their middle
        FingerprintSet set = new FingerprintSet();
        Set<String> same = new HashSet<>();
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String s = "n" + random.nextInt(1_400);
            if (random.nextBoolean() && same.size() < 700) {
                assertThat(set.add(s)).as("add %s", s).isEqualTo(same.add(s));
            } else {
                set.remove(s, "owner");
                same.remove(s);
            }
            assertThat(set.size()).isEqualTo(same.size());
        }
        assertThat(set.capacity()).isEqualTo(1024);
        for (int i = 0; i < 1_400; i++) {
            assertThat(set.contains("n" + i)).as("n%d", i).isEqualTo(same.contains("n" + i));
        }
    }

    @Test
    void theTableGrowsOnlyWhenThreeQuartersFull() {
        FingerprintSet set = new FingerprintSet();
        for (int i = 0; i < 98_303; i++) {
            set.add("u" + i);
        }
        // 98,303 entries fit in 131,072 slots (8 bytes each: 1 MiB); half full at most would need twice that
        assertThat(set.capacity()).isEqualTo(131_072);
        set.add("one more");
        set.add("and another");
        assertThat(set.capacity()).isEqualTo(262_144);
    }
}
