package org.poseanalytics.pose.blazepose;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.poseanalytics.pose.image.Picture;

/**
 * The periodic detector call of {@link BlazePoseTracker} (a look for newcomers every tenth frame while people are
 * followed) run on a thread and an interpreter of its own, beside the frame's landmark call instead of after it.
 * Used when a spare core is in use ({@link SpareCore}, off by default). Same model, same thread count, same frame:
 * the same detections as the inference thread's detector gives (SpareCoreTest).
 */
final class DetectorBeside implements AutoCloseable {
    /** One look's detections and the time it took on its own thread. */
    record Look(List<Detection> found, long nanos) {}

    private final PoseDetector detector;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("detector-beside").daemon().factory());

    /** With as many interpreter threads as the inference thread's detector, so both give the same detections. */
    DetectorBeside(int threads) { this.detector = new PoseDetector(threads); }

    /** Starts looking at {@code frame}; the frame must stay untouched until {@link #await} returned. */
    Future<Look> start(Picture frame, int maxDetections) {
        return thread.submit(() -> {
            long t0 = System.nanoTime();
            List<Detection> found = detector.detect(frame, maxDetections);
            return new Look(found, System.nanoTime() - t0);
        });
    }

    /** The look's result, once it is done. */
    static Look await(Future<Look> look) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return look.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the frame is in use until the look ends: wait it out, then say so
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            // A look still running would read an interpreter closed under it.
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        detector.close();
    }
}
