package org.poseanalytics.pose;

import java.util.List;
import org.poseanalytics.pose.image.RgbImage;

/**
 * A pose model behind one interface, so the CLI, the evaluation commands and the job runner do not care
 * whether BlazePose on TFLite or HRNet on DJL produced the keypoints.
 */
public interface PoseEstimator extends AutoCloseable {

    /** Every person found in a single picture, with no state carried from earlier calls (photos, evaluation). */
    List<PersonPose> estimateImage(RgbImage image);

    /**
     * A session that follows one video. The default treats every frame as a still photo; BlazePose overrides it
     * with MediaPipe's video mode for each of several people (ROI from the last frame's landmarks, One Euro smoothing).
     */
    default VideoPoseSession openVideo() {
        return (frame, timeS) -> estimateImage(frame.toRgb());
    }

    /**
     * Whether {@link #openVideo()}'s session reads frames in the decoder's YUV layout without converting them whole
     * ({@link org.poseanalytics.pose.image.YuvImage}); otherwise the video runner hands it RGB frames.
     */
    default boolean samplesYuvFrames() { return false; }

    /** Threads the model's inference runs on (the video runner leaves the other cores to decoding); 0 if unknown. */
    default int inferenceThreads() { return 0; }

    /** A name and version for outputs, e.g. "blazepose-full (@mediapipe/pose 0.5.1675469404)". */
    String modelDescription();

    @Override
    void close();
}
