package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.tracking.point.PointSpec;

/**
 * What to analyse and how: the video, the pose model by name ({@link PoseModels}), the exercise template
 * (null: guess it), the subject's track id (null: the most present, most central person), points to follow
 * (a barbell end, a racket), the number of inference threads, and the subject's involved side (the injured or
 * operated limb; {@link Side#NONE} when not known) that limb symmetry indices are stated against, the limits the
 * video must keep to before anything decodes it ({@link VideoLimits#DEFAULTS} unless given), and how to turn pixels
 * into metres ({@link ScaleSpec}; null: no scale, figures in pixels).
 */
public record AnalysisRequest(Path video, String model, Exercise exercise, Integer subjectTrackId,
                              List<PointSpec> points, int threads, Side involvedSide, VideoLimits limits, ScaleSpec scale) {
    public AnalysisRequest {
        scale = ScaleSpec.orNone(scale);
        if (involvedSide == null) involvedSide = Side.NONE;
        if (limits == null) limits = VideoLimits.DEFAULTS;
        if (video == null) throw new IllegalArgumentException("no video given");
        if (model == null || model.isBlank()) model = PoseModels.DEFAULT;
        points = points == null ? List.of() : List.copyOf(points);
        if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
    }

    /** No scale: distances in pixels. */
    public AnalysisRequest(Path video, String model, Exercise exercise, Integer subjectTrackId, List<PointSpec> points, int threads,
                           Side involvedSide, VideoLimits limits) {
        this(video, model, exercise, subjectTrackId, points, threads, involvedSide, limits, null);
    }

    /** The involved side not known: symmetry is stated left against right. */
    public AnalysisRequest(Path video, String model, Exercise exercise, Integer subjectTrackId, List<PointSpec> points, int threads) {
        this(video, model, exercise, subjectTrackId, points, threads, Side.NONE, null, null);
    }

    public static AnalysisRequest of(Path video) {
        return new AnalysisRequest(video, PoseModels.DEFAULT, null, null, List.of(), 0, Side.NONE, null, null);
    }

    public AnalysisRequest withModel(String m) { return new AnalysisRequest(video, m, exercise, subjectTrackId, points, threads, involvedSide, limits, scale); }

    public AnalysisRequest withExercise(Exercise e) { return new AnalysisRequest(video, model, e, subjectTrackId, points, threads, involvedSide, limits, scale); }

    public AnalysisRequest withSubjectTrackId(Integer id) { return new AnalysisRequest(video, model, exercise, id, points, threads, involvedSide, limits, scale); }

    public AnalysisRequest withPoints(List<PointSpec> p) { return new AnalysisRequest(video, model, exercise, subjectTrackId, p, threads, involvedSide, limits, scale); }

    public AnalysisRequest withThreads(int n) { return new AnalysisRequest(video, model, exercise, subjectTrackId, points, n, involvedSide, limits, scale); }

    public AnalysisRequest withInvolvedSide(Side s) { return new AnalysisRequest(video, model, exercise, subjectTrackId, points, threads, s, limits, scale); }

    public AnalysisRequest withScale(ScaleSpec s) { return new AnalysisRequest(video, model, exercise, subjectTrackId, points, threads, involvedSide, limits, s); }

    public AnalysisRequest withLimits(VideoLimits l) { return new AnalysisRequest(video, model, exercise, subjectTrackId, points, threads, involvedSide, l, scale); }
}
