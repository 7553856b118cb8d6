package org.poseanalytics.kinematics.metric;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Polarity;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Angle figures per repetition and per session, each from the usable samples of its window only and rated by
 * {@link QualityRule} over that window. Names: angle id + dimension ("" or "_3d") + what, e.g. knee_flexion_3d_rom;
 * the side travels in the record, the unit too.
 */
public final class AngleMetrics {
    private AngleMetrics() {}

    /** min, max and range of motion of each angle over the whole session (the generic ROM report). */
    public static List<MetricRecord> sessionRom(AngleTable table, List<JointAngle> angles, ViewSummary view) {
        List<MetricRecord> out = new ArrayList<>();
        for (AngleSeries s : table.series()) {
            if (!angles.contains(s.angle())) continue;
            Window w = Window.of(s, view, 0, table.length() - 1);
            String base = s.angle().id() + s.dimension().suffix();
            out.add(MetricRecord.session(base + "_min", w.min, "deg", s.side(), w.rating));
            out.add(MetricRecord.session(base + "_max", w.max, "deg", s.side(), w.rating));
            out.add(MetricRecord.session(base + "_rom", w.max - w.min, "deg", s.side(), w.rating));
        }
        return out;
    }

    /**
     * Counts and tempo, rated as the counting signal ({@code countRating}); per repetition: min, max, ROM and peak (the
     * extreme in the exercise's direction) of each primary angle, plus tempo; per session: mean ROM and peak over the
     * complete repetitions (all of them when none is complete), rated over the samples of those repetitions.
     */
    public static List<MetricRecord> repetitions(AngleTable table, List<JointAngle> angles, Polarity polarity, List<Repetition> reps,
                                                 Rating countRating, ViewSummary view) {
        List<MetricRecord> out = new ArrayList<>();
        out.add(MetricRecord.session("repetition_count", reps.size(), "count", Side.NONE, countRating));
        out.add(MetricRecord.session("complete_repetition_count", reps.stream().filter(Repetition::complete).count(), "count", Side.NONE, countRating));
        List<Repetition> basis = reps.stream().anyMatch(Repetition::complete) ? reps.stream().filter(Repetition::complete).toList() : reps;
        for (Repetition r : reps) {
            out.add(MetricRecord.of("repetition_duration", r.durationS(), "s", Side.NONE, r.index(), r.rating()));
            out.add(MetricRecord.of("eccentric_duration", r.eccentricS(), "s", Side.NONE, r.index(), r.rating()));
            out.add(MetricRecord.of("hold_duration", r.holdS(), "s", Side.NONE, r.index(), r.rating()));
            out.add(MetricRecord.of("concentric_duration", r.concentricS(), "s", Side.NONE, r.index(), r.rating()));
            out.add(MetricRecord.of("repetition_complete", r.complete() ? 1 : 0, "bool", Side.NONE, r.index(), r.rating()));
        }
        if (!basis.isEmpty()) {
            Rating tempo = basis.stream().map(Repetition::rating).reduce(countRating, Rating::worst);
            out.add(MetricRecord.session("eccentric_duration_mean", basis.stream().mapToDouble(Repetition::eccentricS).average().orElseThrow(), "s", Side.NONE, tempo));
            out.add(MetricRecord.session("hold_duration_mean", basis.stream().mapToDouble(Repetition::holdS).average().orElseThrow(), "s", Side.NONE, tempo));
            out.add(MetricRecord.session("concentric_duration_mean", basis.stream().mapToDouble(Repetition::concentricS).average().orElseThrow(), "s", Side.NONE, tempo));
            out.add(MetricRecord.session("repetition_duration_mean", basis.stream().mapToDouble(Repetition::durationS).average().orElseThrow(), "s", Side.NONE, tempo));
        }
        for (AngleSeries s : table.series()) {
            if (!angles.contains(s.angle())) continue;
            String base = s.angle().id() + s.dimension().suffix();
            double romSum = 0, peakSum = 0;
            int counted = 0;
            List<SampleIssue> basisIssues = new ArrayList<>();
            for (Repetition r : reps) {
                Window w = Window.of(s, view, index(table.timesS(), r.startS()), index(table.timesS(), r.endS()));
                double peak = polarity == Polarity.RISES ? w.max : w.min;
                out.add(MetricRecord.of(base + "_min", w.min, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_max", w.max, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_rom", w.max - w.min, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_peak", peak, "deg", s.side(), r.index(), w.rating));
                if (!basis.contains(r)) continue;
                basisIssues.addAll(List.of(w.issues));
                if (w.rating.usable()) { romSum += w.max - w.min; peakSum += peak; counted++; }
            }
            if (basisIssues.isEmpty()) continue;
            Rating mean = QualityRule.rate(basisIssues.toArray(SampleIssue[]::new), Window.context(s, view));
            if (counted == 0 && mean.usable()) mean = Rating.invalid("no repetition with enough measured samples");
            out.add(MetricRecord.session(base + "_rom_mean", counted == 0 ? Double.NaN : romSum / counted, "deg", s.side(), mean));
            out.add(MetricRecord.session(base + "_peak_mean", counted == 0 ? Double.NaN : peakSum / counted, "deg", s.side(), mean));
        }
        return out;
    }

    /** The usable samples of one series between two indices, their extremes and their rating. */
    record Window(double min, double max, Rating rating, SampleIssue[] issues) {
        static Window of(AngleSeries s, ViewSummary view, int from, int to) {
            SampleIssue[] all = QualityRule.withGaps(s.valuesDeg(), s.issues());
            SampleIssue[] issues = java.util.Arrays.copyOfRange(all, from, to + 1);
            double[] v = QualityRule.usable(s.valuesDeg(), all);
            double[] mm = minMax(v, from, to);
            return new Window(mm[0], mm[1], QualityRule.rate(issues, context(s, view)), issues);
        }

        /** 3D angles do not depend on the view: only a 2D angle's reasons speak of its plane. */
        static QualityRule.Context context(AngleSeries s, ViewSummary view) {
            return new QualityRule.Context(s.dimension() == Dimension.IMAGE_2D ? s.angle().plane() : null, view).withKeypoints(s.keypoints());
        }
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
