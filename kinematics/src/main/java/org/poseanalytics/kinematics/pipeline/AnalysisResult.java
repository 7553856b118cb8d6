package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * Everything one analysis found, as the CLI writes it to files and the web job stores it: the video as
 * decoded, every tracked person, the analysed subject (raw and filtered series), angles, repetitions and
 * metrics, followed points, timings, and warnings for the user (e.g. a truncated file). {@code model} is the
 * name asked for ("blazepose-full"), {@code modelDescription} names its files and version; {@code scale} says how
 * pixels became metres (or that they did not). {@code subject} is null only when no person was found but followed
 * points were asked for: the points' paths do not depend on the pose, so they are still given ({@link #hasSubject()}).
 */
public record AnalysisResult(VideoInfo video, String model, String modelDescription, VideoPoseResult poses, Tracks tracks,
                             TrackingStage.Subject subject, KinematicsResult kinematics,
                             List<PointTrajectory> points, Timings timings, List<String> warnings, Scale scale) {

    public AnalysisResult {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        if (scale == null) scale = Scale.none();
    }

    /** Without a scale. */
    public AnalysisResult(VideoInfo video, String model, String modelDescription, VideoPoseResult poses, Tracks tracks,
                          TrackingStage.Subject subject, KinematicsResult kinematics, List<PointTrajectory> points, Timings timings,
                          List<String> warnings) {
        this(video, model, modelDescription, poses, tracks, subject, kinematics, points, timings, warnings, Scale.none());
    }

    /** False when no person was found and only followed points were analysed. */
    public boolean hasSubject() { return subject != null; }

    /** Seconds per stage; decoding overlaps inference, so the parts add up to more than the total. */
    public record Timings(double decodeS, double inferenceS, double trackingS, double kinematicsS, double pointsS,
                          double totalS, double framesPerS) {}
}
