package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSlotsTest {
    private final List<String> granted = new ArrayList<>();

    private Runnable grant(String name) {
        return () -> granted.add(name);
    }

    @Test
    void slotsGoToTheWaitingInTheOrderTheyAskedThenBackToTheFree() {
        FileSlots slots = new FileSlots(2);
        assertThat(slots.acquireOrWait(grant("a"))).isTrue();
        assertThat(slots.acquireOrWait(grant("b"))).isTrue();
        assertThat(slots.acquireOrWait(grant("c"))).isFalse();
        assertThat(slots.acquireOrWait(grant("d"))).isFalse();
        assertThat(granted).as("a and b took free slots; no grant runs for those").isEmpty();
        slots.release();
        assertThat(granted).containsExactly("c");
        slots.release();
        assertThat(granted).containsExactly("c", "d");
        slots.release();
        slots.release();
        assertThat(slots.free()).isEqualTo(2);
    }

    @Test
    void aCancelledWaitNeverRunsAndTheNextInLineGetsTheSlot() {
        FileSlots slots = new FileSlots(1);
        slots.acquireOrWait(grant("a"));
        Runnable b = grant("b");
        slots.acquireOrWait(b);
        slots.acquireOrWait(grant("c"));
        assertThat(slots.cancel(b)).isTrue();
        assertThat(slots.cancel(b)).as("once").isFalse();
        slots.release();
        assertThat(granted).containsExactly("c");
        slots.release();
        assertThat(slots.free()).isOne();
    }

    @Test
    void unboundedSlotsNeverWait() {
        for (int i = 0; i < 1000; i++) {
            assertThat(FileSlots.UNBOUNDED.acquireOrWait(grant("x"))).isTrue();
        }
        FileSlots.UNBOUNDED.release();
        assertThat(granted).isEmpty();
        assertThatThrownBy(() -> new FileSlots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
