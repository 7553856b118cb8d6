package org.poseanalytics.pose.blazepose;

import java.util.List;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.image.RgbImage;

/**
 * MediaPipe's video mode for one person: detector → ROI → landmarks → smoothing, where the detector runs only when
 * no pose is being followed and otherwise the last frame's smoothed auxiliary points give this frame's ROI. When
 * the pose presence drops below 0.5 the track is dropped and the detector looks again in the same frame.
 *
 * <p>Follows the main (best-detected) person only: other people in the frame are not reported in video mode, which
 * keeps the cost at one landmark model call per frame. Use {@link BlazePoseEstimator#estimateImage} for all
 * persons of a frame.
 */
public final class BlazePoseTracker implements VideoPoseSession {
    static final double MIN_POSE_SCORE = 0.5;

    private final PoseDetector detector;
    private final LandmarkModel landmarks;
    private final LandmarkSmoothing smoothing = new LandmarkSmoothing();
    private final StageTimings timings = new StageTimings();
    private Roi roi;

    BlazePoseTracker(PoseDetector detector, LandmarkModel landmarks) {
        this.detector = detector;
        this.landmarks = landmarks;
    }

    @Override
    public List<PersonPose> next(RgbImage frame, double timeS) {
        boolean detectedNow = false;
        if (roi == null) {
            roi = detect(frame);
            detectedNow = true;
            if (roi == null) return List.of();
        }
        long t0 = System.nanoTime();
        Landmarks raw = landmarks.run(frame, roi, MIN_POSE_SCORE);
        timings.add("landmarks", System.nanoTime() - t0);
        if (raw.score() < MIN_POSE_SCORE) {
            roi = null;
            smoothing.reset();
            // The person left last frame's ROI: look for them in this frame before giving up on it.
            return detectedNow ? List.of() : next(frame, timeS);
        }
        Landmarks smooth = smoothing.apply(raw, timeS);
        roi = Roi.fromAlignmentPoints(smooth.x()[Landmarks.AUX_CENTRE], smooth.y()[Landmarks.AUX_CENTRE],
                smooth.x()[Landmarks.AUX_SCALE], smooth.y()[Landmarks.AUX_SCALE]);
        return List.of(BlazePoseEstimator.toPersonPose(smooth));
    }

    private Roi detect(RgbImage frame) {
        long t0 = System.nanoTime();
        List<Detection> found = detector.detect(frame, 1);
        timings.add("detect", System.nanoTime() - t0);
        return found.isEmpty() ? null : PoseDetector.roiOf(found.get(0));
    }

    @Override
    public StageTimings timings() { return timings; }
}
