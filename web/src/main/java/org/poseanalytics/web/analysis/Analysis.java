package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One complete analysis of a video as stored ({@link AnalysisCodec}): its database id, what produced it (model,
 * template) and its scalar facts. The series hang off it and are read separately through {@link AnalysisQueries}
 * (they can be megabytes), as the kinematics and tracking modules' own records.
 *
 * @param exercise         template id used (squat, gait, ...), null when none
 * @param exerciseGuessed  true when the template was guessed from the movement rather than given by the session
 * @param repetitionSignal the angle column repetitions were counted on ("" when none)
 * @param landmarks        landmark names, in the order of every keypoint series of this analysis
 * @param subjectTrackId   the track analysed as the subject, null when nobody was tracked
 * @param subjectChosenByUser true when a user chose that person, false when the default rule (most present, central) did
 * @param filter           the filter chain of the subject's filtered series, e.g. "swap-repair+hampel+butterworth-4-6hz"
 * @param timings          the pipeline's own timings (a part not reported is NaN; for analyses stored before version 27
 *                         {@code kinematicsS} includes following points and {@code pointsS} is NaN)
 * @param storeS           seconds spent writing the results into the database
 * @param view             from where the camera saw the subject (dominant view, its share, plane angles; no per-view
 *                         shares); null for analyses stored before the view was measured
 * @param scale            the scale distances and speeds were given in (source, metres per pixel, the line or height,
 *                         how and how well it was found); {@link Scale#none()} for analyses stored before scales
 * @param notes            what the user must know to read the figures (the video cut short, the subject in view for part
 *                         of it): the pipeline's warnings but the scale's; none for analyses stored before them
 */
public record Analysis(long id, long videoId, String model, String modelVersion, String exercise, boolean exerciseGuessed,
                       String repetitionSignal, Skeleton skeleton, List<String> landmarks, Integer subjectTrackId,
                       boolean subjectChosenByUser, String filter, int frames, int framesWithPose, AnalysisResult.Timings timings,
                       double storeS, String requestedBy, OffsetDateTime startedAt, OffsetDateTime completedAt, ViewSummary view, Scale scale,
                       List<String> notes) {
    public Analysis {
        if (scale == null) scale = Scale.none();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A label to tell analyses of one video apart, e.g. "blazepose-full · squat · 21 Nov 2026 10:42". */
    public String label() {
        return model + (exercise == null ? "" : " · " + exercise + (exerciseGuessed ? " (guessed)" : ""));
    }
}
