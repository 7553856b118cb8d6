package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.model.ModelFiles;
import org.poseanalytics.pose.model.TfliteModel;

/**
 * Stage 3, "landmarks": pose_landmark_{lite,full,heavy}.tflite with its pre- and post-processing. The ROI is
 * warped upright into 256×256 (RGB in [0, 1], edge pixels replicated), and the 39 regressed points are refined on
 * the heatmap and mapped back through the ROI to frame pixels.
 */
public final class LandmarkModel implements AutoCloseable {
    static final int INPUT_SIZE = 256;
    private static final int HEATMAP_SIZE = 64;
    private static final int VALUES_PER_POINT = 5;

    private final TfliteModel model;
    private final FloatBuffer input;
    private final FloatBuffer landmarks;
    private final FloatBuffer score;
    private final FloatBuffer heatmap;
    private final FloatBuffer world;
    private final float[] raw = new float[Landmarks.ALL * VALUES_PER_POINT];
    private final float[] rawWorld = new float[Landmarks.ALL * 3];
    private final CropSampler sampler = new CropSampler(INPUT_SIZE);
    /** Wall time spent sampling crops on the calling thread, for the stage timings ({@link #cropNanos()}). */
    private long cropNanos;
    /** Each crop sampled by the caller and a helper thread together; null: the caller samples it alone. */
    private final SharedCrop sharedCrop;

    public LandmarkModel(BlazePoseVariant variant, int threads) {
        this(variant, threads, false);
    }

    /**
     * As {@link #LandmarkModel(BlazePoseVariant, int)}; with {@code splitCrop} each crop is sampled by the calling
     * thread and a helper thread together ({@link SharedCrop}: the same crop, rows are sampled independently), so a
     * core inference leaves idle shortens the work between two landmark calls ({@link SpareCore}).
     */
    LandmarkModel(BlazePoseVariant variant, int threads, boolean splitCrop) {
        this.sharedCrop = splitCrop ? new SharedCrop() : null;
        this.model = TfliteModel.load(variant.landmarkFile(), ModelFiles.blazepose(variant.landmarkFile()), threads);
        int outputs = 5;
        this.input = model.input(0);
        this.landmarks = model.output(model.outputWithElements(raw.length, outputs));
        this.score = model.output(model.outputWithElements(1, outputs));
        this.heatmap = model.output(model.outputWithElements((long) HEATMAP_SIZE * HEATMAP_SIZE * Landmarks.ALL, outputs));
        this.world = model.output(model.outputWithElements(rawWorld.length, outputs));
    }

    /** Writes the crop for {@code roi} into the model's input. */
    void prepare(Picture image, Roi roi) {
        long t0 = System.nanoTime();
        try {
            sample(image, roi);
        } finally {
            cropNanos += System.nanoTime() - t0;
        }
    }

    /** Wall time spent so far sampling this model's crops (part of each {@link #run}). */
    long cropNanos() { return cropNanos; }

    private void sample(Picture image, Roi roi) {
        if (sharedCrop == null) sampler.sample(image, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
        else sharedCrop.sample(sampler, image, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
    }

    void invoke() { model.invoke(); }

    /** Runs the model on the ROI; points are decoded only when the pose presence reaches {@code minScore}. */
    public Landmarks run(Picture image, Roi roi, double minScore) {
        prepare(image, roi);
        model.invoke();
        double poseScore = score.get(0); // already a probability in this model version
        if (poseScore < minScore) return new Landmarks(poseScore, null, null, null, null, null, null, roi);
        landmarks.get(0, raw);
        world.get(0, rawWorld);
        int n = Landmarks.ALL;
        double[] x = new double[n], y = new double[n], z = new double[n], vis = new double[n], pres = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = raw[i * VALUES_PER_POINT] / INPUT_SIZE;
            y[i] = raw[i * VALUES_PER_POINT + 1] / INPUT_SIZE;
            z[i] = raw[i * VALUES_PER_POINT + 2] / INPUT_SIZE;
            vis[i] = sigmoid(raw[i * VALUES_PER_POINT + 3]);
            pres[i] = sigmoid(raw[i * VALUES_PER_POINT + 4]);
        }
        HeatmapRefinement.refine(heatmap, HEATMAP_SIZE, n, x, y);
        double c = Math.cos(roi.rotation()), s = Math.sin(roi.rotation());
        double[] w = new double[n * 3];
        for (int i = 0; i < n; i++) {
            double[] p = roi.toFrame(x[i], y[i]);
            x[i] = p[0];
            y[i] = p[1];
            z[i] *= roi.size();
            // World points come in the crop's upright frame: turn them back like the image points.
            double wx = rawWorld[3 * i], wy = rawWorld[3 * i + 1];
            w[3 * i] = c * wx - s * wy;
            w[3 * i + 1] = s * wx + c * wy;
            w[3 * i + 2] = rawWorld[3 * i + 2];
        }
        return new Landmarks(poseScore, x, y, z, vis, pres, w, roi);
    }

    static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    @Override
    public void close() {
        if (sharedCrop != null) sharedCrop.close(); // idle between calls: prepare waits for its bands
        model.close();
    }
}
