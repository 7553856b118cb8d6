package org.poseanalytics.kinematics.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.PictureRoll;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.point.PointVelocity;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleFinder;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress.Stage;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.filter.FilterPreset;
import org.poseanalytics.tracking.identity.TrackerConfig;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * The data path from a video file to the numbers a clinician reads, shared by {@code pose-analytics analyze}
 * and the web app's analysis job so both give the same numbers for the same video:
 * {@link #estimatePoses} → {@link #chooseSubject} → {@link #findScale} → {@link #computeKinematics} → {@link #trackPoints}
 * (and the points' velocities per repetition, {@link PointVelocity}).
 */
public final class AnalysisPipeline {
    /** Share of the progress bar per stage: the pose model is nearly all the work. */
    public static final double POSES_SHARE = 0.85;
    private static final double POINTS_SHARE = 0.10;
    /** Less than this out of view at the start or the end goes unsaid (stepping back into frame after pressing record). */
    private static final double PRESENCE_MARGIN_S = 1.0;

    private final PoseSource poseSource;
    private final PointSource pointSource;

    /** Poses estimated and points followed in the request's video in this process. */
    public AnalysisPipeline() { this(new VideoPoses()); }

    /** Poses from the given source: a separate decoding process, or keypoints another tool made; points followed here. */
    public AnalysisPipeline(PoseSource poseSource) { this(poseSource, new VideoPoints()); }

    /** Poses and followed points from the given sources (the web's job: both from a separate decoding process). */
    public AnalysisPipeline(PoseSource poseSource, PointSource pointSource) {
        this.poseSource = poseSource;
        this.pointSource = pointSource;
    }

    public AnalysisResult run(AnalysisRequest request, AnalysisProgress progress) throws AnalysisException {
        long start = System.nanoTime();
        TrackingStage tracking = new TrackingStage(TrackerConfig.defaults());
        VideoPoseResult poses = estimatePoses(request, tracking, progress);
        List<String> warnings = new ArrayList<>();
        if (!poses.decode().complete()) warnings.add(poses.decode().problem() + "; the frames before that point were analysed");
        int width = poses.video().width(), height = poses.video().height();

        long t0 = System.nanoTime();
        progress.update(Stage.TRACKING, POSES_SHARE, poses.frames(), poses.frames());
        Tracks tracks = tracking.finish();
        TrackingStage.Subject subject = null;
        KinematicsResult kinematics;
        Scale scale;
        long t1;
        if (poses.framesWithPose() == 0 || tracks.isEmpty()) {
            // A followed point's path does not depend on the pose: without a person it is still measured.
            if (request.points().isEmpty()) throw noPerson(request, poses, tracks);
            warnings.add("no person found (" + poses.frames() + " frames looked at): only the followed points were analysed");
            t1 = System.nanoTime();
            scale = findScale(request, null, width, height);
            kinematics = KinematicsResult.none(ExerciseChoice.given(request.exercise() == null ? Exercise.GENERIC : request.exercise()));
        } else {
            subject = chooseSubject(request, tracks);
            presenceWarning(subject).ifPresent(warnings::add);
            tiltWarning(subject.filtered().series()).ifPresent(warnings::add);
            t1 = System.nanoTime();
            progress.update(Stage.KINEMATICS, POSES_SHARE + 0.03, poses.frames(), poses.frames());
            scale = findScale(request, subject.filtered().series(), width, height);
            kinematics = computeKinematics(request, subject, width, height, scale);
        }
        warnings.addAll(scale.warnings());
        long t2 = System.nanoTime();
        List<PointTrajectory> points = trackPoints(request, progress);
        kinematics = kinematics.withMetrics(PointVelocity.metrics(points, scale, kinematics.repetitions()));
        long t3 = System.nanoTime();
        progress.update(Stage.DONE, 1.0, poses.frames(), poses.frames());

        double totalS = (t3 - start) / 1e9;
        var timings = new AnalysisResult.Timings(poses.decodeS(), poses.inferenceS(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9, totalS, totalS > 0 ? poses.frames() / totalS : 0);
        return new AnalysisResult(poses.video(), request.model(), poses.model(), poses, tracks, subject, kinematics, points, timings,
                List.copyOf(warnings), scale);
    }

    /**
     * Says when the picture is not level ({@link PictureRoll}): the leans against gravity are then not measured
     * ({@link org.poseanalytics.kinematics.quality.SampleIssue#PICTURE_TILTED}), and the report says why and what to do.
     */
    static Optional<String> tiltWarning(KeypointSeries subject) {
        OptionalDouble roll = PictureRoll.estimateDeg(subject);
        if (!PictureRoll.tilted(roll)) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "the picture is tilted by about %.0f° (the subject's straight legs lean that much "
                + "in it): trunk lean and pelvic tilt are not measured; level the camera", Math.abs(roll.getAsDouble())));
    }

    /**
     * Says when the subject is in view for only part of the video (the camera started before they stepped in, or they
     * walked out before it stopped): whole-session figures are rated over their time in view
     * ({@link org.poseanalytics.kinematics.rating.QualityRule#presence}), and the report says which time that is.
     */
    static Optional<String> presenceWarning(TrackingStage.Subject subject) {
        KeypointSeries s = subject.filtered().series();
        long[] frames = s.frames();
        double[] times = s.timesS();
        if (frames.length < 2) return Optional.empty();
        Tracks.TrackSummary seen = subject.choice().summary();
        int first = Arrays.binarySearch(frames, seen.firstFrame()), last = Arrays.binarySearch(frames, seen.lastFrame());
        if (first < 0 || last < 0) return Optional.empty();
        double before = times[first] - times[0], after = times[frames.length - 1] - times[last];
        if (before < PRESENCE_MARGIN_S && after < PRESENCE_MARGIN_S) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "the subject (track %d) is in view from %.1f s to %.1f s of this %.1f s video; the figures are over that time",
                seen.trackId(), times[first], times[last], times[frames.length - 1]));
    }

    private static AnalysisException noPerson(AnalysisRequest request, VideoPoseResult poses, Tracks tracks) {
        if (poses.framesWithPose() == 0)
            return new AnalysisException(Kind.NO_PERSON, "no person found in " + request.video().getFileName() + " ("
                    + poses.frames() + " frames looked at); is a whole body in view?");
        return new AnalysisException(Kind.NO_PERSON, "no person could be followed through "
                + request.video().getFileName() + "; is a whole body in view for more than a moment?");
    }

    /** Stage: pixels to metres from the request's scale (a line, the subject's height, or none), checked against the subject. */
    Scale findScale(AnalysisRequest request, KeypointSeries subject, int width, int height) throws AnalysisException {
        try {
            return ScaleFinder.find(request.scale(), subject, width, height);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /** Stage: every frame's poses from the source, streamed straight into the tracker (memory stays flat). */
    VideoPoseResult estimatePoses(AnalysisRequest request, TrackingStage tracking, AnalysisProgress progress)
            throws AnalysisException {
        try {
            return poseSource.poses(request, frame -> {
                if (progress.isCancelled()) throw new Cancelled();
                tracking.accept(frame);
            }, progress);
        } catch (Cancelled e) {
            throw new AnalysisException(Kind.CANCELLED, "the analysis was cancelled");
        }
    }

    /** Stage: the analysed person (the requested track or the most present, central one), raw and filtered. */
    TrackingStage.Subject chooseSubject(AnalysisRequest request, Tracks tracks) throws AnalysisException {
        String exercise = request.exercise() == null ? "" : request.exercise().id();
        try {
            return TrackingStage.subject(tracks, Optional.ofNullable(request.subjectTrackId()),
                    FilterPreset.forExercise(exercise).config());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /**
     * Stage: rated angles, the camera view, the exercise (given or guessed), repetitions, metrics and headlines of the
     * filtered series; the displayed frame size tells keypoints outside the frame.
     */
    KinematicsResult computeKinematics(AnalysisRequest request, TrackingStage.Subject subject, int frameWidth, int frameHeight,
                                       Scale scale) throws AnalysisException {
        try {
            return new KinematicsStage().analyze(new KinematicsInput(subject.filtered(), request.exercise(), request.involvedSide(),
                    frameWidth, frameHeight, scale));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.NO_PERSON, "too little of the subject was seen to measure angles: " + e.getMessage(), e);
        }
    }

    /** Stage: follow the requested points (if any) through the video, rotation applied as for the poses. */
    List<PointTrajectory> trackPoints(AnalysisRequest request, AnalysisProgress progress) throws AnalysisException {
        if (request.points().isEmpty()) return List.of();
        progress.update(Stage.POINTS, 1 - POINTS_SHARE, 0, 0);
        return pointSource.track(request, f -> progress.update(Stage.POINTS, 1 - POINTS_SHARE + f * POINTS_SHARE * 0.99, 0, 0));
    }

    /** Thrown from the frame callback to unwind the decoder and the model cleanly. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() { super(null, null, false, false); }
    }
}
