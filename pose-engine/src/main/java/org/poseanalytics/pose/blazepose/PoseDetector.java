package org.poseanalytics.pose.blazepose;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.model.ModelFiles;
import org.poseanalytics.pose.model.TfliteModel;

/**
 * Stage 1, "detector": pose_detection.tflite with its pre- and post-processing. The whole frame is letterboxed
 * into 224×224 (RGB in [-1, 1], black border), the 2254 SSD anchors are decoded into boxes and alignment points,
 * and overlapping ones merged by weighted NMS. Results are in frame pixels (the letterbox removed).
 */
public final class PoseDetector implements AutoCloseable {
    static final int ANCHORS = 2254;
    private static final int VALUES_PER_ANCHOR = 12;
    private static final double IOU_THRESHOLD = 0.3;
    private static final float LOGIT_CLIP = 100f;
    /** A logit of 0 is a score of 0.5, the detector's threshold. */
    private static final float MIN_LOGIT = 0f;

    private final TfliteModel model;
    private final FloatBuffer input;
    private final FloatBuffer boxes;
    private final FloatBuffer scores;
    private final float[] anchors = SsdAnchors.centres();
    private final float[] rawBoxes = new float[ANCHORS * VALUES_PER_ANCHOR];
    private final float[] rawScores = new float[ANCHORS];
    private final CropSampler sampler = new CropSampler(SsdAnchors.INPUT_SIZE);

    public PoseDetector(int threads) {
        this.model = TfliteModel.load(BlazePoseVariant.DETECTOR_FILE, ModelFiles.blazepose(BlazePoseVariant.DETECTOR_FILE), threads);
        this.input = model.input(0);
        this.boxes = model.output(model.outputWithElements((long) ANCHORS * VALUES_PER_ANCHOR, 2));
        this.scores = model.output(model.outputWithElements(ANCHORS, 2));
    }

    /** Persons in the frame, best first, at most {@code maxDetections}. */
    public List<Detection> detect(Picture image, int maxDetections) {
        double side = Math.max(image.width(), image.height());
        Roi letterbox = new Roi(image.width() / 2.0, image.height() / 2.0, side, 0);
        return WeightedNms.apply(candidatesIn(image, letterbox), IOU_THRESHOLD, maxDetections);
    }

    /**
     * Persons in the frame found by looking at each of the given squares of it on its own (one detector call per
     * tile, each tile scaled to the detector's input as the whole frame is in {@link #detect}), best first, at most
     * {@code maxDetections}. The candidates of all tiles, in frame pixels, are merged by the one weighted NMS, so a
     * person seen in two overlapping tiles is one detection.
     */
    public List<Detection> detectInTiles(Picture image, List<Roi> tiles, int maxDetections) {
        List<Detection> candidates = new ArrayList<>();
        for (Roi tile : tiles) candidates.addAll(candidatesIn(image, tile));
        return WeightedNms.apply(candidates, IOU_THRESHOLD, maxDetections);
    }

    /** One detector call on the (unrotated) square {@code region} of the frame: every anchor scoring ≥ 0.5. */
    private List<Detection> candidatesIn(Picture image, Roi region) {
        sampler.sample(image, region, CropSampler.Border.ZERO, 2f / 255f, -1f, input);
        model.invoke();
        boxes.get(0, rawBoxes);
        scores.get(0, rawScores);
        return decode(rawBoxes, rawScores, anchors, region);
    }

    /** Anchor-relative outputs to detections in frame pixels; only anchors scoring at least 0.5 survive. */
    static List<Detection> decode(float[] raw, float[] logits, float[] anchors, Roi letterbox) {
        List<Detection> out = new ArrayList<>();
        double scale = SsdAnchors.INPUT_SIZE;
        double side = letterbox.size();
        double left = letterbox.centerX() - side / 2, top = letterbox.centerY() - side / 2;
        for (int a = 0; a < logits.length; a++) {
            float logit = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, logits[a]));
            if (logit < MIN_LOGIT) continue;
            double score = 1 / (1 + Math.exp(-logit));
            int o = a * VALUES_PER_ANCHOR;
            double ax = anchors[2 * a], ay = anchors[2 * a + 1];
            double cx = raw[o] / scale + ax, cy = raw[o + 1] / scale + ay;
            double w = raw[o + 2] / scale, h = raw[o + 3] / scale;
            double[] kp = new double[8];
            for (int k = 0; k < 4; k++) {
                kp[2 * k] = left + (raw[o + 4 + 2 * k] / scale + ax) * side;
                kp[2 * k + 1] = top + (raw[o + 5 + 2 * k] / scale + ay) * side;
            }
            out.add(new Detection(score, left + (cx - w / 2) * side, top + (cy - h / 2) * side, w * side, h * side, kp));
        }
        return out;
    }

    /** The landmark ROI this detection seeds: hip centre and full-body scale point. */
    public static Roi roiOf(Detection d) {
        return Roi.fromAlignmentPoints(d.keypointX(0), d.keypointY(0), d.keypointX(1), d.keypointY(1));
    }

    @Override
    public void close() { model.close(); }
}
