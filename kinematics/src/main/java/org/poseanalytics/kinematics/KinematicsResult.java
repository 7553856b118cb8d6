package org.poseanalytics.kinematics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.gait.GaitEvent;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;

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
 */
public record KinematicsResult(AngleTable angles, ExerciseChoice exercise, String signal, List<Repetition> repetitions,
                               List<GaitEvent> gaitEvents, List<MetricRecord> metrics, String filter) {

    /** The summary.json parts this module owns: exercise, repetitions, metrics (session-wide, name → value with unit). */
    public KinematicsSummary summary() {
        Map<String, Measure> session = new LinkedHashMap<>();
        for (MetricRecord m : metrics)
            if (m.repetition() == null && Double.isFinite(m.value())) session.put(m.key(), new Measure(m.value(), m.unit()));
        List<KinematicsSummary.RepetitionEntry> reps = repetitions.stream().map(r -> KinematicsSummary.RepetitionEntry.of(r, metrics)).toList();
        return new KinematicsSummary(new KinematicsSummary.ExerciseEntry(exercise.exercise().id(), exercise.guessed(), exercise.reason(), signal, filter),
                reps, session);
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
