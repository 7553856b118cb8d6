package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * Everything one analysis found, as the CLI writes it to files and the web job stores it: the video as
 * decoded, every tracked person, the analysed subject (raw and filtered series), angles, repetitions and
 * metrics, followed points, timings, and warnings for the user (e.g. a truncated file). {@code model} is the
 * name asked for ("blazepose-full"), {@code modelDescription} names its files and version.
 */
public record AnalysisResult(VideoInfo video, String model, String modelDescription, VideoPoseResult poses, Tracks tracks,
                             TrackingStage.Subject subject, KinematicsResult kinematics,
                             List<PointTrajectory> points, Timings timings, List<String> warnings) {

    /** Seconds per stage; decoding overlaps inference, so the parts add up to more than the total. */
    public record Timings(double decodeS, double inferenceS, double trackingS, double kinematicsS, double pointsS,
                          double totalS, double framesPerS) {}
}
