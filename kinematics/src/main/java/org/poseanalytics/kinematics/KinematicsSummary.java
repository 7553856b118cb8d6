package org.poseanalytics.kinematics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;

/**
 * The parts of summary.json the kinematics stage fills, as records Jackson serialises directly:
 * {@code "exercise"}, {@code "repetitions"}, {@code "metrics"}, {@code "headlines"}. Put them into the summary under
 * those names.
 */
public record KinematicsSummary(ExerciseEntry exercise, List<RepetitionEntry> repetitions, Map<String, Measure> metrics,
                                List<HeadlineEntry> headlines) {

    /** @param signal the angle column repetitions were counted on; @param filter the input series' filter label */
    public record ExerciseEntry(String id, boolean guessed, String reason, String signal, String filter) {}

    /**
     * One repetition: times in seconds, ROM and peak of the counting signal in degrees, tempo, completeness, the
     * quality of the counting signal's samples in it (valid or low; a repetition on invalid samples is not counted)
     * with the reason when low, and the per-angle values of this repetition (key → value with unit and quality, e.g.
     * "left_knee_flexion_peak").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RepetitionEntry(int index, double startS, double peakS, double endS, long startFrame, long peakFrame, long endFrame,
                                  double romDeg, double peakDeg, double minDeg, double maxDeg,
                                  double eccentricS, double holdS, double concentricS, boolean complete, String note,
                                  String quality, String reason, Map<String, Measure> angles) {
        static RepetitionEntry of(Repetition r, List<MetricRecord> metrics) {
            Map<String, Measure> perRep = new LinkedHashMap<>();
            for (MetricRecord m : metrics)
                if (m.repetition() != null && m.repetition() == r.index() && (Double.isFinite(m.value()) || !m.quality().usable()))
                    perRep.put(m.key(), Measure.of(m));
            return new RepetitionEntry(r.index(), r.startS(), r.peakS(), r.endS(), r.startFrame(), r.peakFrame(), r.endFrame(),
                    r.romDeg(), r.peakDeg(), r.minDeg(), r.maxDeg(), r.eccentricS(), r.holdS(), r.concentricS(), r.complete(), r.note(),
                    r.rating().quality().id(), r.rating().reason().isBlank() ? null : r.rating().reason(), perRep);
        }
    }

    /**
     * One of the exercise's lead figures, in rank order: its label and definition (what, which side, 2D or 3D, the
     * symmetry index used), the metric key it shows, and that metric's value (absent when invalid), unit, quality and
     * reason (absent when valid).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HeadlineEntry(int rank, String label, String definition, String key, Double value, String unit, String quality, String reason) {
        static HeadlineEntry of(Headline h) {
            Measure m = Measure.of(h.metric());
            return new HeadlineEntry(h.rank(), h.label(), h.definition(), h.metric().key(), m.value(), m.unit(), m.quality(), m.reason());
        }
    }
}
