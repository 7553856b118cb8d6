package org.poseanalytics.pose.hrnet;

import java.util.List;
import org.poseanalytics.pose.Benchmarkable;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;

/** Top-down HRNet behind the common interface: the detector's boxes, then one HRNet batch per picture. */
public final class HrnetEstimator implements PoseEstimator, Benchmarkable {
    private final HrnetModel model;
    private final PersonDetector detector;
    private final String detectorName;

    public HrnetEstimator(HrnetModel model, PersonDetector detector, String detectorName) {
        this.model = model;
        this.detector = detector;
        this.detectorName = detectorName;
    }

    @Override
    public List<PersonPose> estimateImage(RgbImage image) {
        List<BoundingBox> boxes = detector.detect(image);
        return boxes.isEmpty() ? List.of() : model.estimate(image, boxes);
    }

    /**
     * Top-down on every frame (no state to carry), timed per stage so {@code bench} and the analysis timings can
     * say whether the person detector or HRNet itself is the cost.
     */
    @Override
    public VideoPoseSession openVideo() {
        StageTimings timings = new StageTimings();
        return new VideoPoseSession() {
            @Override
            public List<PersonPose> next(Picture picture, double timeS) {
                RgbImage frame = picture.toRgb();
                long t0 = System.nanoTime();
                List<BoundingBox> boxes = detector.detect(frame);
                long t1 = System.nanoTime();
                timings.add("detect", t1 - t0);
                if (boxes.isEmpty()) return List.of();
                List<PersonPose> poses = model.estimate(frame, boxes);
                timings.add("keypoints", System.nanoTime() - t1);
                return poses;
            }

            @Override
            public StageTimings timings() { return timings; }
        };
    }

    /** One person box over the whole sample: the cost of HRNet (crop, network, decoding) for one tracked person. */
    @Override
    public Runnable rawInference(RgbImage sample) {
        List<BoundingBox> whole = List.of(new BoundingBox(0, 0, sample.width(), sample.height()));
        return () -> model.estimate(sample, whole);
    }

    @Override
    public String engine() { return "DJL " + model.engine() + " (" + model.device().getDeviceType().toUpperCase(java.util.Locale.ROOT) + ")"; }

    @Override
    public String modelDescription() { return model.description() + ", boxes from " + detectorName; }

    @Override
    public void close() {
        model.close();
        // The detector may hold a native model of its own (BlazePose's); release it with the estimator.
        if (detector instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release the person detector", e);
            }
        }
    }
}
