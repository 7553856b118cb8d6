package org.poseanalytics.kinematics.metric;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.repetition.Polarity;
import org.poseanalytics.kinematics.repetition.Repetition;

/**
 * Angle figures per repetition and per session. Names: angle id + dimension ("" or "_3d") + what, e.g.
 * knee_flexion_3d_rom; the side travels in the record, the unit too.
 */
public final class AngleMetrics {
    private AngleMetrics() {}

    /** min, max and range of motion of each angle over the whole session (the generic ROM report). */
    public static List<MetricRecord> sessionRom(AngleTable table, List<JointAngle> angles) {
        List<MetricRecord> out = new ArrayList<>();
        for (AngleSeries s : table.series()) {
            if (!angles.contains(s.angle()) || s.validCount() == 0) continue;
            double[] mm = minMax(s.valuesDeg(), 0, s.valuesDeg().length - 1);
            String base = s.angle().id() + s.dimension().suffix();
            out.add(MetricRecord.session(base + "_min", mm[0], "deg", s.side()));
            out.add(MetricRecord.session(base + "_max", mm[1], "deg", s.side()));
            out.add(MetricRecord.session(base + "_rom", mm[1] - mm[0], "deg", s.side()));
        }
        return out;
    }

    /**
     * Per repetition: min, max, ROM and peak (the extreme in the exercise's direction) of each primary angle,
     * plus tempo; per session: counts, mean ROM and peak over the complete repetitions (all of them when none is
     * complete), mean tempo, and the left/right symmetry index of each sided angle's mean ROM.
     */
    public static List<MetricRecord> repetitions(AngleTable table, List<JointAngle> angles, Polarity polarity, List<Repetition> reps) {
        List<MetricRecord> out = new ArrayList<>();
        out.add(MetricRecord.session("repetition_count", reps.size(), "count", Side.NONE));
        out.add(MetricRecord.session("complete_repetition_count", reps.stream().filter(Repetition::complete).count(), "count", Side.NONE));
        List<Repetition> basis = reps.stream().anyMatch(Repetition::complete) ? reps.stream().filter(Repetition::complete).toList() : reps;
        for (Repetition r : reps) {
            out.add(new MetricRecord("repetition_duration", r.durationS(), "s", Side.NONE, r.index()));
            out.add(new MetricRecord("eccentric_duration", r.eccentricS(), "s", Side.NONE, r.index()));
            out.add(new MetricRecord("hold_duration", r.holdS(), "s", Side.NONE, r.index()));
            out.add(new MetricRecord("concentric_duration", r.concentricS(), "s", Side.NONE, r.index()));
            out.add(new MetricRecord("repetition_complete", r.complete() ? 1 : 0, "bool", Side.NONE, r.index()));
        }
        if (!basis.isEmpty()) {
            out.add(MetricRecord.session("eccentric_duration_mean", basis.stream().mapToDouble(Repetition::eccentricS).average().orElseThrow(), "s", Side.NONE));
            out.add(MetricRecord.session("hold_duration_mean", basis.stream().mapToDouble(Repetition::holdS).average().orElseThrow(), "s", Side.NONE));
            out.add(MetricRecord.session("concentric_duration_mean", basis.stream().mapToDouble(Repetition::concentricS).average().orElseThrow(), "s", Side.NONE));
            out.add(MetricRecord.session("repetition_duration_mean", basis.stream().mapToDouble(Repetition::durationS).average().orElseThrow(), "s", Side.NONE));
        }
        for (AngleSeries s : table.series()) {
            if (!angles.contains(s.angle())) continue;
            String base = s.angle().id() + s.dimension().suffix();
            double romSum = 0, peakSum = 0;
            int counted = 0;
            for (Repetition r : reps) {
                int from = index(table.timesS(), r.startS()), to = index(table.timesS(), r.endS());
                double[] mm = minMax(s.valuesDeg(), from, to);
                if (!Double.isFinite(mm[0])) continue;
                double peak = polarity == Polarity.RISES ? mm[1] : mm[0];
                out.add(new MetricRecord(base + "_min", mm[0], "deg", s.side(), r.index()));
                out.add(new MetricRecord(base + "_max", mm[1], "deg", s.side(), r.index()));
                out.add(new MetricRecord(base + "_rom", mm[1] - mm[0], "deg", s.side(), r.index()));
                out.add(new MetricRecord(base + "_peak", peak, "deg", s.side(), r.index()));
                if (basis.contains(r)) { romSum += mm[1] - mm[0]; peakSum += peak; counted++; }
            }
            if (counted > 0) {
                out.add(MetricRecord.session(base + "_rom_mean", romSum / counted, "deg", s.side()));
                out.add(MetricRecord.session(base + "_peak_mean", peakSum / counted, "deg", s.side()));
            }
        }
        for (JointAngle a : angles) {
            if (!a.sided()) continue;
            for (Dimension dim : Dimension.values()) {
                String name = a.id() + dim.suffix() + "_rom_mean";
                double l = find(out, name, Side.LEFT), r = find(out, name, Side.RIGHT);
                double si = SymmetryIndex.percent(l, r);
                if (Double.isFinite(si)) out.add(MetricRecord.session(a.id() + dim.suffix() + "_rom_symmetry_index", si, "%", Side.NONE));
            }
        }
        return out;
    }

    private static double find(List<MetricRecord> records, String name, Side side) {
        return records.stream().filter(m -> m.name().equals(name) && m.side() == side && m.repetition() == null)
                .mapToDouble(MetricRecord::value).findFirst().orElse(Double.NaN);
    }

    static int index(double[] times, double t) {
        int i = java.util.Arrays.binarySearch(times, t);
        return i >= 0 ? i : Math.min(times.length - 1, -i - 1);
    }

    static double[] minMax(double[] v, int from, int to) {
        double min = Double.NaN, max = Double.NaN;
        for (int i = from; i <= to; i++) {
            if (!Double.isFinite(v[i])) continue;
            min = Double.isNaN(min) ? v[i] : Math.min(min, v[i]);
            max = Double.isNaN(max) ? v[i] : Math.max(max, v[i]);
        }
        return new double[]{min, max};
    }
}
