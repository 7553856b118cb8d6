package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.poseanalytics.pose.image.Picture;

/**
 * One crop sampled by the calling thread and a helper thread together, in bands of rows each claims in turn. The
 * caller never waits for the helper to be scheduled: on an idle spare core the helper takes about half the bands;
 * on a busy machine the caller takes them all and waits only for a band the helper is in the middle of. Every row is
 * sampled on its own ({@link CropSampler#sampleRows}), so the crop is the one a single thread samples.
 */
final class SharedCrop implements AutoCloseable {
    private static final int BANDS = 16;

    private final ExecutorService helper =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("landmark-crop").daemon().factory());

    /** One crop's bands; a helper task that starts late finds them all claimed and returns without reading anything. */
    private static final class Job {
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(BANDS);
        volatile Throwable failure;
    }

    void sample(CropSampler sampler, Picture image, Roi roi, CropSampler.Border border, float scale, float offset,
                FloatBuffer target) {
        Job job = new Job();
        Runnable work = () -> {
            int band;
            while ((band = job.next.getAndIncrement()) < BANDS) {
                try {
                    int size = sampler.size();
                    sampler.sampleRows(image, roi, border, scale, offset, target, band * size / BANDS, (band + 1) * size / BANDS);
                } catch (RuntimeException | Error e) {
                    job.failure = e;
                } finally {
                    job.done.countDown();
                }
            }
        };
        helper.execute(work);
        work.run();
        boolean interrupted = false;
        while (true) {
            try {
                job.done.await(); // only bands the helper is in the middle of
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the helper may still be writing the input: wait it out, then say so
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = job.failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    @Override
    public void close() { helper.shutdownNow(); }
}
