package org.poseanalytics.kinematics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.gait.GaitEvent;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Everything the kinematics stage found for one subject.
 *
 * @param angles       every angle per frame (2D and, with world landmarks, 3D) and its velocity
 * @param exercise     the template used, given or guessed
 * @param signal       the column (or combination) repetitions were counted on, "" when none
 * @param repetitions  repetitions (jumps for cmj; none for gait)
 * @param gaitEvents   heel strikes and toe-offs (gait only)
 * @param metrics      database-ready figures, per session (repetition null) and per repetition
 * @param filter       the filter label of the input series, repeated in every output
 * @param view         from where the camera saw the subject (decides which 2D angles are measurable)
 * @param headlines    the exercise's lead figures (at most 8), each with its quality
 */
public record KinematicsResult(AngleTable angles, ExerciseChoice exercise, String signal, List<Repetition> repetitions,
                               List<GaitEvent> gaitEvents, List<MetricRecord> metrics, String filter,
                               ViewSummary view, List<Headline> headlines) {

    public KinematicsResult {
        repetitions = List.copyOf(repetitions);
        gaitEvents = List.copyOf(gaitEvents);
        metrics = List.copyOf(metrics);
        headlines = List.copyOf(headlines);
        if (view == null) view = ViewSummary.unknown();
    }

    /**
     * What is left when no person was found but points were followed: no angles, no repetitions, only the points'
     * figures (added with {@link #withMetrics}).
     */
    public static KinematicsResult none(ExerciseChoice exercise) {
        return new KinematicsResult(new AngleTable(new long[0], new double[0], List.of(), new org.poseanalytics.kinematics.angle.ViewSigns(1, 1)),
                exercise, "", List.of(), List.of(), List.of(), "", ViewSummary.unknown(), List.of());
    }

    /** The same result with more figures (the followed points' velocities), after the stage's own. */
    public KinematicsResult withMetrics(List<MetricRecord> more) {
        if (more.isEmpty()) return this;
        List<MetricRecord> all = new java.util.ArrayList<>(metrics);
        all.addAll(more);
        return new KinematicsResult(angles, exercise, signal, repetitions, gaitEvents, all, filter, view, headlines);
    }

    /**
     * The summary.json parts this module owns: exercise, repetitions, metrics (session-wide, name → value with unit,
     * quality and reason; an invalid one without value) and headlines.
     */
    public KinematicsSummary summary() {
        Map<String, Measure> session = new LinkedHashMap<>();
        for (MetricRecord m : metrics)
            if (m.repetition() == null && (Double.isFinite(m.value()) || !m.quality().usable())) session.put(m.key(), Measure.of(m));
        List<KinematicsSummary.RepetitionEntry> reps = repetitions.stream().map(r -> KinematicsSummary.RepetitionEntry.of(r, metrics)).toList();
        return new KinematicsSummary(new KinematicsSummary.ExerciseEntry(exercise.exercise().id(), exercise.guessed(), exercise.reason(), signal, filter),
                reps, session, headlines.stream().map(KinematicsSummary.HeadlineEntry::of).toList());
    }

    /** Session-wide value of a metric by key (e.g. "left_knee_flexion_3d_rom_mean"), NaN when absent. */
    public double metric(String key) {
        return metrics.stream().filter(m -> m.repetition() == null && m.key().equals(key)).mapToDouble(MetricRecord::value).findFirst().orElse(Double.NaN);
    }

    /** A value of one repetition by key (e.g. "left_knee_flexion_peak"), NaN when absent. */
    public double metric(String key, int repetition) {
        return metrics.stream().filter(m -> m.repetition() != null && m.repetition() == repetition && m.key().equals(key))
                .mapToDouble(MetricRecord::value).findFirst().orElse(Double.NaN);
    }
}
