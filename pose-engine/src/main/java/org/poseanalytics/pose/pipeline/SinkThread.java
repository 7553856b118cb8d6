package org.poseanalytics.pose.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items to a consumer on a thread of its own, in order, through a small bounded queue: the producer (the
 * inference thread) only enqueues, so what the consumer does per item (tracking, progress, a web worker's output)
 * runs beside inference instead of after it. Memory stays flat: a producer ahead by {@code capacity} items waits.
 *
 * <p>The consumer's first exception (a cancellation, say) ends the hand-off: later items are dropped, {@link #put}
 * throws it to the producer at its next item so the producer stops early, and {@link #finish} throws it too, the
 * same object, so callers catch what they caught when the consumer ran on their own thread.
 */
final class SinkThread<T> implements AutoCloseable {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Throwable failure;

    SinkThread(String name, int capacity, Consumer<? super T> consumer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name(name).daemon().start(() -> drain(consumer));
    }

    @SuppressWarnings("unchecked")
    private void drain(Consumer<? super T> consumer) {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) return;
                consumer.accept((T) item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the producer gave up (its own failure): nothing left to report
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear(); // a producer waiting for room moves on and sees the failure
        }
    }

    /** Queues the next item, waiting while the consumer is {@code capacity} items behind; throws the consumer's failure. */
    void put(T item) throws InterruptedException {
        while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) rethrowFailure();
        rethrowFailure();
    }

    /** Waits until the consumer has taken every item queued; throws its failure if it had one. */
    void finish() throws InterruptedException {
        while (failure == null && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
            // the consumer is behind: wait for room for the end marker (or for its failure)
        }
        thread.join();
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    /** Stops the consumer if {@link #finish} was not reached (the producer failed); harmless after it. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
