package org.poseanalytics.pose.blazepose;

import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.hrnet.PersonDetector;
import org.poseanalytics.pose.image.RgbImage;

/**
 * BlazePose's person detector as the box source for top-down models (HRNet). Its own boxes frame the face;
 * the body box comes from the alignment points instead (the landmark ROI square, without MediaPipe's 1.25
 * margin, since the top-down crop adds its own padding).
 */
public final class BlazePosePersonDetector implements PersonDetector, AutoCloseable {
    private static final int MAX_PERSONS = 10;
    private final PoseDetector detector;

    /** For ServiceLoader: one inference thread, as evaluation runs photo by photo. */
    public BlazePosePersonDetector() { this(1); }

    public BlazePosePersonDetector(int threads) { this.detector = new PoseDetector(threads); }

    @Override
    public synchronized List<BoundingBox> detect(RgbImage image) {
        return detector.detect(image, MAX_PERSONS).stream().map(BlazePosePersonDetector::bodyBox).toList();
    }

    static BoundingBox bodyBox(Detection detection) {
        Roi roi = PoseDetector.roiOf(detection);
        double side = roi.size() / Roi.SCALE;
        return new BoundingBox(roi.centerX() - side / 2, roi.centerY() - side / 2, side, side);
    }

    @Override
    public void close() { detector.close(); }
}
