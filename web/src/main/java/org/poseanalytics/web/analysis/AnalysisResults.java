package org.poseanalytics.web.analysis;

import java.util.List;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Everything one analysis produced, in the form it is stored: what the job hands to {@link AnalysisStore}. Built
 * from the pipeline's result (see org.poseanalytics.web.job), or synthetically in tests and benchmarks.
 *
 * @param subjectChosenByUser true when a user named the subject's track, false when the default rule chose it
 * @param view      from where the camera saw the subject ({@link ViewSummary#unknown()} when it could not be told)
 * @param headlines the exercise's lead figures; each one's metric is also among {@code metrics} (session-wide)
 */
public record AnalysisResults(String model, String modelVersion, String exercise, boolean exerciseGuessed,
                              String repetitionSignal, String skeleton, List<String> landmarks, Integer subjectTrackId,
                              boolean subjectChosenByUser,
                              int frames, int framesWithPose, Angles angles, SubjectKeypoints raw,
                              SubjectKeypoints filtered, List<TrackKeypoints> tracks, List<RepetitionResult> repetitions,
                              List<MetricResult> metrics, List<PointPath> points, Timings timings,
                              ViewSummary view, List<HeadlineResult> headlines) {

    public AnalysisResults {
        landmarks = List.copyOf(landmarks);
        tracks = List.copyOf(tracks);
        repetitions = List.copyOf(repetitions);
        metrics = List.copyOf(metrics);
        points = List.copyOf(points);
        if (view == null) view = ViewSummary.unknown();
        headlines = List.copyOf(headlines);
    }
}
