package org.poseanalytics.web.analysis;

import java.util.List;

/**
 * Everything one analysis produced, in the form it is stored: what the job hands to {@link AnalysisStore}. Built
 * from the pipeline's result (see org.poseanalytics.web.job), or synthetically in tests and benchmarks.
 *
 * @param subjectChosenByUser true when a user named the subject's track, false when the default rule chose it
 */
public record AnalysisResults(String model, String modelVersion, String exercise, boolean exerciseGuessed,
                              String repetitionSignal, String skeleton, List<String> landmarks, Integer subjectTrackId,
                              boolean subjectChosenByUser,
                              int frames, int framesWithPose, Angles angles, SubjectKeypoints raw,
                              SubjectKeypoints filtered, List<TrackKeypoints> tracks, List<RepetitionResult> repetitions,
                              List<MetricResult> metrics, List<PointPath> points, Timings timings) {

    public AnalysisResults {
        landmarks = List.copyOf(landmarks);
        tracks = List.copyOf(tracks);
        repetitions = List.copyOf(repetitions);
        metrics = List.copyOf(metrics);
        points = List.copyOf(points);
    }
}
