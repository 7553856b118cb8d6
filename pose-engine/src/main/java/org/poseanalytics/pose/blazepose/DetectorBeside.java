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
 * Worth it only where inference leaves a core idle (1 inference thread on 2 cores: the other core only decodes);
 * where inference takes every core the look would preempt the landmark model's own threads, so the estimator then
 * does without it. Same model, same thread count, same frame: the same detections as the inference thread's
 * detector gives (DetectorBesideTest).
 */
final class DetectorBeside implements AutoCloseable {
    /**
     * System property: {@code off} runs the periodic look on the inference thread as before issue 17, for a
     * side-by-side benchmark ({@code PA_JAVA_OPTS=-Dposeanalytics.detector-beside=off}); {@code on} uses it whatever
     * the core count.
     */
    static final String PROPERTY = "poseanalytics.detector-beside";

    /** One look's detections and the time it took on its own thread. */
    record Look(List<Detection> found, long nanos) {}

    private final PoseDetector detector;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("detector-beside").daemon().factory());

    /** With as many interpreter threads as the inference thread's detector, so both give the same detections. */
    DetectorBeside(int threads) { this.detector = new PoseDetector(threads); }

    /** Whether to look beside inference on {@code inferenceThreads} threads with {@code cores} cores. */
    static boolean worthIt(int inferenceThreads, int cores) {
        String setting = System.getProperty(PROPERTY, "auto");
        if (setting.equals("off")) return false;
        return setting.equals("on") || inferenceThreads < cores;
    }

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
