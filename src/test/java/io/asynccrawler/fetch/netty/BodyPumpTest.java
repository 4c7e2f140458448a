package io.asynccrawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order, failure and buffer rules of an exchange's steps on the disk executor. */
class BodyPumpTest {
    private final ExecutorService disk = Executors.newFixedThreadPool(4);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws InterruptedException {
        disk.shutdownNow();
        assertThat(disk.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        channel.finishAndReleaseAll();
    }

    private static ByteBuf bytes(int n) {
        return Unpooled.directBuffer(n).writeZero(n);
    }

    @Test
    void stepsRunInOrderOneAtATimeAndBuffersAreReleased() throws Exception {
        BodyPump pump = new BodyPump(disk, FileSlots.UNBOUNDED, channel, failures::add);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch held = new CountDownLatch(1);
        pump.submit(() -> {
            held.await(); // everything below queues up behind this step meanwhile
            seen.add("head");
        });
        List<ByteBuf> buffers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ByteBuf b = bytes(10);
            buffers.add(b);
            int n = i;
            pump.submitBody(b, buf -> seen.add("body" + n + ":" + buf.readableBytes()));
        }
        CompletableFuture<Void> end = pump.submit(() -> seen.add("end"));
        held.countDown();
        end.get(10, TimeUnit.SECONDS);
        assertThat(seen).hasSize(102).startsWith("head", "body0:10", "body1:10").endsWith("body99:10", "end");
        assertThat(buffers).allMatch(b -> b.refCnt() == 0);
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailedStepSkipsTheRestButReleasesTheirBuffersAndRunsCleanups() throws Exception {
        BodyPump pump = new BodyPump(disk, FileSlots.UNBOUNDED, channel, failures::add);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        IOException diskFull = new IOException("disk full");
        pump.submit(() -> {
            throw diskFull;
        });
        ByteBuf later = bytes(10);
        pump.submitBody(later, buf -> seen.add("body"));
        CompletableFuture<Void> end = pump.submit(() -> seen.add("end"));
        CompletableFuture<Void> cleanup = pump.finallyRun(() -> seen.add("cleanup"));
        cleanup.get(10, TimeUnit.SECONDS);
        assertThat(end).isCompletedExceptionally();
        assertThat(seen).containsExactly("cleanup");
        assertThat(later.refCnt()).isZero();
        assertThat(failures).containsExactly(diskFull);
    }

    @Test
    void backPressurePausesReadingAboveTheHighWaterMarkAndResumesBelowTheLow() throws Exception {
        BodyPump pump = new BodyPump(disk, FileSlots.UNBOUNDED, channel, failures::add);
        CountDownLatch held = new CountDownLatch(1);
        pump.submit(held::await);
        for (int i = 0; i < 5; i++) {
            pump.submitBody(bytes((int) (BodyPump.HIGH_WATER / 4)), buf -> { });
        }
        assertThat(pump.paused()).as("5/4 of the high water mark queued").isTrue();
        held.countDown();
        pump.submit(() -> { }).get(10, TimeUnit.SECONDS);
        channel.runPendingTasks(); // the resume is handed to the channel's event loop
        assertThat(pump.paused()).isFalse();
    }

    @Test
    void aClosedExecutorStillReleasesBuffersAndRunsCleanupsOnTheCaller() throws Exception {
        disk.shutdown();
        BodyPump pump = new BodyPump(disk, FileSlots.UNBOUNDED, channel, failures::add);
        ByteBuf body = bytes(10);
        List<String> seen = new ArrayList<>();
        pump.submitBody(body, buf -> seen.add("body"));
        CompletableFuture<Void> cleanup = pump.finallyRun(() -> seen.add("cleanup"));
        assertThat(body.refCnt()).isZero();
        assertThat(cleanup).isCompleted();
        assertThat(seen).containsExactly("cleanup");
        assertThat(failures).hasSize(1);
    }

    @Test
    void aBodyWaitsForAFileSlotAndItsStepsRunOnceOneIsFree() {
        // Steps run on the submitting thread (a direct executor): a step that can run has run by the
        // time submit returns, so what has not run is waiting.
        FileSlots slots = new FileSlots(1);
        BodyPump first = new BodyPump(Runnable::run, slots, channel, failures::add);
        BodyPump second = new BodyPump(Runnable::run, slots, channel, failures::add);
        List<String> seen = new ArrayList<>();
        first.needsFile();
        first.submit(() -> seen.add("first head"));
        second.needsFile();
        CompletableFuture<Void> head = second.submit(() -> seen.add("second head"));
        ByteBuf body = bytes(10);
        second.submitBody(body, buf -> seen.add("second body"));
        assertThat(seen).containsExactly("first head");
        assertThat(head).isNotDone();
        assertThat(body.refCnt()).as("held while waiting").isOne();

        first.releaseFile(); // the slot goes to the second, whose steps run here
        assertThat(seen).containsExactly("first head", "second head", "second body");
        assertThat(body.refCnt()).isZero();
        assertThat(slots.free()).isZero();
        first.releaseFile(); // once only
        assertThat(slots.free()).isZero();
        second.releaseFile();
        assertThat(slots.free()).isOne();
        assertThat(failures).isEmpty();
    }

    @Test
    void aBodyThatFailsWhileWaitingGivesUpItsPlaceAndSkipsItsSteps() {
        FileSlots slots = new FileSlots(1);
        BodyPump first = new BodyPump(Runnable::run, slots, channel, failures::add);
        BodyPump second = new BodyPump(Runnable::run, slots, channel, failures::add);
        BodyPump third = new BodyPump(Runnable::run, slots, channel, failures::add);
        List<String> seen = new ArrayList<>();
        first.needsFile();
        second.needsFile();
        CompletableFuture<Void> head = second.submit(() -> seen.add("second head"));
        ByteBuf body = bytes(10);
        second.submitBody(body, buf -> seen.add("second body"));
        third.needsFile();
        third.submit(() -> seen.add("third head"));

        IOException timedOut = new IOException("deadline");
        second.stopWaiting(timedOut);
        second.finallyRun(() -> seen.add("second cleanup"));
        assertThat(seen).containsExactly("second cleanup");
        assertThat(head).isCompletedExceptionally();
        assertThat(body.refCnt()).isZero();
        second.releaseFile(); // it never held one: nothing to give back
        assertThat(slots.free()).isZero();

        first.releaseFile(); // the slot skips the second and goes to the third
        assertThat(seen).containsExactly("second cleanup", "third head");
        third.releaseFile();
        assertThat(slots.free()).isOne();
        assertThat(failures).as("the exchange already knows why it failed").isEmpty();
    }

    @Test
    void stopWaitingChangesNothingForABodyThatHoldsItsSlot() {
        FileSlots slots = new FileSlots(1);
        BodyPump pump = new BodyPump(Runnable::run, slots, channel, failures::add);
        List<String> seen = new ArrayList<>();
        pump.needsFile();
        pump.stopWaiting(new IOException("late"));
        pump.submit(() -> seen.add("head"));
        assertThat(seen).containsExactly("head");
        pump.releaseFile();
        assertThat(slots.free()).isOne();
    }
}
