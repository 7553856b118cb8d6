package org.poseanalytics.pose.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The inference thread's hand-off to the sink: every item, in order, on another thread; the sink's failure reaches the producer. */
class SinkThreadTest {
    @Test
    void handsEveryItemOverInOrderBeforeFinishReturns() throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (SinkThread<Integer> sink = new SinkThread<>("test-sink", 2, i -> {
            seen.add(i);
            threads.add(Thread.currentThread().getName());
        })) {
            for (int i = 0; i < 1000; i++) sink.put(i);
            sink.finish();
        }
        assertThat(seen).hasSize(1000);
        for (int i = 0; i < 1000; i++) assertThat(seen.get(i)).isEqualTo(i);
        assertThat(threads).containsOnly("test-sink");
    }

    @Test
    void theSinksExceptionReachesTheProducerAsItIsAndStopsIt() {
        IllegalStateException cancelled = new IllegalStateException("cancelled");
        int[] produced = {0};
        assertThatThrownBy(() -> {
            try (SinkThread<Integer> sink = new SinkThread<>("test-sink", 2, i -> {
                if (i == 5) throw cancelled;
            })) {
                for (int i = 0; i < 1_000_000; i++) {
                    sink.put(i);
                    produced[0]++;
                }
                sink.finish();
            }
        }).isSameAs(cancelled);
        // The producer learns of it within a few items, not at the end of the stream.
        assertThat(produced[0]).isLessThan(1_000_000);
    }

    @Test
    void aFailureOnTheLastItemIsThrownByFinish() throws InterruptedException {
        Error broken = new AssertionError("sink broke");
        // The consumer fails on the last item only once the producer is past put(2): a consumer faster than the
        // producer's return from put would have it thrown by put (as it should), and the test would race.
        CountDownLatch lastPut = new CountDownLatch(1);
        try (SinkThread<Integer> sink = new SinkThread<>("test-sink", 4, i -> {
            if (i != 2) return;
            try {
                lastPut.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw broken;
        })) {
            sink.put(0);
            sink.put(1);
            sink.put(2);
            lastPut.countDown();
            assertThatThrownBy(sink::finish).isSameAs(broken);
        }
    }
}
