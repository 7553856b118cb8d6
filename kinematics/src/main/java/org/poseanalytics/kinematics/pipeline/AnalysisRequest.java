package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.pose.model.PoseModels;
import org.poseanalytics.tracking.point.PointSpec;

/**
 * What to analyse and how: the video, the pose model by name ({@link PoseModels}), the exercise template
 * (null: guess it), the subject's track id (null: the most present, most central person), points to follow
 * (a barbell end, a racket) and the number of inference threads.
 */
public record AnalysisRequest(Path video, String model, Exercise exercise, Integer subjectTrackId,
                              List<PointSpec> points, int threads) {
    public AnalysisRequest {
        if (video == null) throw new IllegalArgumentException("no video given");
        if (model == null || model.isBlank()) model = PoseModels.DEFAULT;
        points = points == null ? List.of() : List.copyOf(points);
        if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
    }

    public static AnalysisRequest of(Path video) {
        return new AnalysisRequest(video, PoseModels.DEFAULT, null, null, List.of(), 0);
    }

    public AnalysisRequest withModel(String m) { return new AnalysisRequest(video, m, exercise, subjectTrackId, points, threads); }

    public AnalysisRequest withExercise(Exercise e) { return new AnalysisRequest(video, model, e, subjectTrackId, points, threads); }

    public AnalysisRequest withSubjectTrackId(Integer id) { return new AnalysisRequest(video, model, exercise, id, points, threads); }

    public AnalysisRequest withPoints(List<PointSpec> p) { return new AnalysisRequest(video, model, exercise, subjectTrackId, p, threads); }

    public AnalysisRequest withThreads(int n) { return new AnalysisRequest(video, model, exercise, subjectTrackId, points, n); }
}
