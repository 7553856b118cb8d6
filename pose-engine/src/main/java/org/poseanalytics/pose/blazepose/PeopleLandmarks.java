package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.poseanalytics.pose.image.Picture;

/**
 * The landmark model over everyone followed in one frame, sharing the inference threads between people rather than
 * running one person after another on all of them. One person's call scales poorly over threads (BlazePose full on
 * 2 cores: 17 ms on 1 thread, 15 ms on 2), so with P people and T threads, min(P, T) interpreters of T / min(P, T)
 * threads each run side by side, each on its share of the people. The models' batch size cannot be raised instead:
 * their outputs are reshaped to a batch of one inside the graph.
 *
 * <p>One person (or one thread) uses the estimator's own T-thread model, as before. The side-by-side interpreters
 * are loaded the first time a frame shows that many people, and kept for the estimator's life. Results are the same
 * as one after another: each crop goes through the same model, and XNNPACK's result does not depend on its thread
 * count (PeopleLandmarksTest).
 */
final class PeopleLandmarks implements AutoCloseable {
    /**
     * System property: {@code off} runs followed people one after another on the T-thread model, as before issue 17,
     * for a side-by-side benchmark ({@code PA_JAVA_OPTS=-Dposeanalytics.landmark-lanes=off bin/pose-analytics bench ...}).
     */
    static final String LANES_PROPERTY = "poseanalytics.landmark-lanes";
    private final BlazePoseVariant variant;
    private final int threads;
    private final LandmarkModel single;
    /** Interpreters for running this many people's crops side by side, by count. */
    private final Map<Integer, List<LandmarkModel>> sideBySide = new HashMap<>();
    private ExecutorService workers;

    PeopleLandmarks(BlazePoseVariant variant, int threads, LandmarkModel single) {
        this.variant = variant;
        this.threads = Math.max(1, threads);
        this.single = single;
    }

    /** The model for one crop at a time (new detections, photos, the raw benchmark). */
    LandmarkModel single() { return single; }

    /**
     * Wall time spent so far sampling crops, summed over the interpreters (lanes sample side by side, so with
     * several people this exceeds the wall time it added).
     */
    long cropNanos() {
        long sum = single.cropNanos();
        for (List<LandmarkModel> models : sideBySide.values()) for (LandmarkModel m : models) sum += m.cropNanos();
        return sum;
    }

    /** Landmarks for each ROI of the frame, in the ROIs' order. */
    List<Landmarks> run(Picture frame, List<Roi> rois, double minScore) {
        int lanes = "off".equals(System.getProperty(LANES_PROPERTY)) ? 1 : Math.min(rois.size(), threads);
        Landmarks[] out = new Landmarks[rois.size()];
        if (lanes <= 1) {
            for (int i = 0; i < out.length; i++) out[i] = single.run(frame, rois.get(i), minScore);
            return Arrays.asList(out);
        }
        List<LandmarkModel> models = modelsFor(lanes);
        List<Future<?>> others = new ArrayList<>(lanes - 1);
        for (int lane = 1; lane < lanes; lane++) {
            int l = lane;
            others.add(workers.submit(() -> runLane(models.get(l), l, lanes, frame, rois, minScore, out)));
        }
        try {
            runLane(models.get(0), 0, lanes, frame, rois, minScore, out); // the calling thread takes the first lane
        } finally {
            for (Future<?> f : others) await(f); // no model may still be running once this returns or throws
        }
        return Arrays.asList(out);
    }

    private static void runLane(LandmarkModel model, int lane, int lanes, Picture frame, List<Roi> rois, double minScore,
                                Landmarks[] out) {
        for (int i = lane; i < out.length; i += lanes) out[i] = model.run(frame, rois.get(i), minScore);
    }

    private List<LandmarkModel> modelsFor(int lanes) {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads - 1, Thread.ofPlatform().name("landmarks-", 1).daemon().factory());
        }
        return sideBySide.computeIfAbsent(lanes, n -> {
            List<LandmarkModel> models = new ArrayList<>(n);
            for (int i = 0; i < n; i++) models.add(new LandmarkModel(variant, threads / n));
            return models;
        });
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the landmark model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
        sideBySide.values().forEach(models -> models.forEach(LandmarkModel::close));
        single.close();
    }
}
