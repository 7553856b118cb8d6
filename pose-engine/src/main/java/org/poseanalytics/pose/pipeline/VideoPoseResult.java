package org.poseanalytics.pose.pipeline;

import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.video.DecodeReport;
import org.poseanalytics.pose.video.VideoInfo;

/**
 * What a pass over a video did. {@code decodeS} is time spent decoding (on its own thread, overlapping inference),
 * {@code inferenceS} time in the pose model stages, {@code totalS} wall time; {@code stages} has the per-stage
 * split (decode, detect, landmarks). {@code decode} says whether the stream ended early.
 */
public record VideoPoseResult(VideoInfo video, String model, long frames, long framesWithPose, DecodeReport decode,
                              double decodeS, double inferenceS, double totalS, StageTimings stages) {
    public double framesPerS() { return totalS > 0 ? frames / totalS : 0; }
}
