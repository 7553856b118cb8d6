package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * One complete analysis of a video: what produced it (model, template) and its scalar facts. The series hang off
 * it and are read separately through {@link AnalysisQueries} (they can be megabytes).
 *
 * @param exercise         template id used (squat, gait, ...), null when none
 * @param exerciseGuessed  true when the template was guessed from the movement rather than given by the session
 * @param repetitionSignal the angle column repetitions were counted on ("" when none)
 * @param skeleton         blazepose-33 or coco-17
 * @param landmarks        landmark names, in the order of every {@link Keypoints} of this analysis
 * @param subjectTrackId   the track analysed as the subject, null when nobody was tracked
 * @param subjectChosenByUser true when a user chose that person, false when the default rule (most present, central) did
 * @param filter           the filter chain of the subject's filtered series, e.g. "swap-repair+hampel+butterworth-4-6hz"
 * @param view             from where the camera saw the subject (dominant view, its share, plane angles; no per-view
 *                         shares); null for analyses stored before the view was measured
 */
public record Analysis(long id, long videoId, String model, String modelVersion, String exercise, boolean exerciseGuessed,
                       String repetitionSignal, String skeleton, List<String> landmarks, Integer subjectTrackId,
                       boolean subjectChosenByUser, String filter, int frames, int framesWithPose, Timings timings, String requestedBy,
                       OffsetDateTime startedAt, OffsetDateTime completedAt, ViewSummary view) {

    /** A label to tell analyses of one video apart, e.g. "blazepose-full · squat · 21 Nov 2026 10:42". */
    public String label() {
        return model + (exercise == null ? "" : " · " + exercise + (exerciseGuessed ? " (guessed)" : ""));
    }
}
