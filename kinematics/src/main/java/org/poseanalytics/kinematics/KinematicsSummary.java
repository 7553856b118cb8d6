package org.poseanalytics.kinematics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;

/**
 * The parts of summary.json the kinematics stage fills, as records Jackson serialises directly:
 * {@code "exercise"}, {@code "repetitions"}, {@code "metrics"}. Put them into the summary under those names.
 */
public record KinematicsSummary(ExerciseEntry exercise, List<RepetitionEntry> repetitions, Map<String, Measure> metrics) {

    /** @param signal the angle column repetitions were counted on; @param filter the input series' filter label */
    public record ExerciseEntry(String id, boolean guessed, String reason, String signal, String filter) {}

    /**
     * One repetition: times in seconds, ROM and peak of the counting signal in degrees, tempo, completeness and
     * the per-angle values of this repetition (key → value with unit, e.g. "left_knee_flexion_peak").
     */
    public record RepetitionEntry(int index, double startS, double peakS, double endS, long startFrame, long peakFrame, long endFrame,
                                  double romDeg, double peakDeg, double minDeg, double maxDeg,
                                  double eccentricS, double holdS, double concentricS, boolean complete, String note,
                                  Map<String, Measure> angles) {
        static RepetitionEntry of(Repetition r, List<MetricRecord> metrics) {
            Map<String, Measure> perRep = new LinkedHashMap<>();
            for (MetricRecord m : metrics)
                if (m.repetition() != null && m.repetition() == r.index() && Double.isFinite(m.value())) perRep.put(m.key(), Measure.of(m));
            return new RepetitionEntry(r.index(), r.startS(), r.peakS(), r.endS(), r.startFrame(), r.peakFrame(), r.endFrame(),
                    r.romDeg(), r.peakDeg(), r.minDeg(), r.maxDeg(), r.eccentricS(), r.holdS(), r.concentricS(), r.complete(), r.note(), perRep);
        }
    }
}
