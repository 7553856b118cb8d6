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
            Samples samples = Samples.of(s, view);
            int[] span = QualityRule.presence(samples.issues()); // the subject's time in the video, as the count's rating
            Window w = samples.window(span[0], span[1]);
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
        boolean allInBasis = basis == reps;
        for (AngleSeries s : table.series()) {
            if (!angles.contains(s.angle())) continue;
            String base = s.angle().id() + s.dimension().suffix();
            double romSum = 0, peakSum = 0;
            int counted = 0;
            Samples samples = Samples.of(s, view);
            List<SampleIssue> basisIssues = new ArrayList<>();
            List<String> basisKeypoints = new ArrayList<>();
            for (Repetition r : reps) {
                int from = index(table.timesS(), r.startS()), to = index(table.timesS(), r.endS());
                Window w = samples.window(from, to);
                double peak = polarity == Polarity.RISES ? w.max : w.min;
                out.add(MetricRecord.of(base + "_min", w.min, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_max", w.max, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_rom", w.max - w.min, "deg", s.side(), r.index(), w.rating));
                out.add(MetricRecord.of(base + "_peak", peak, "deg", s.side(), r.index(), w.rating));
                if (!allInBasis && !r.complete()) continue;
                for (int i = from; i <= to; i++) {
                    basisIssues.add(samples.issues[i]);
                    basisKeypoints.add(samples.keypoints[i]);
                }
                if (w.rating.usable()) { romSum += w.max - w.min; peakSum += peak; counted++; }
            }
            if (basisIssues.isEmpty()) continue;
            Rating mean = QualityRule.rate(basisIssues.toArray(SampleIssue[]::new),
                    samples.context.withKeypoints(basisKeypoints.toArray(String[]::new)));
            if (counted == 0 && mean.usable()) mean = Rating.invalid("no repetition with enough measured samples");
            out.add(MetricRecord.session(base + "_rom_mean", counted == 0 ? Double.NaN : romSum / counted, "deg", s.side(), mean));
            out.add(MetricRecord.session(base + "_peak_mean", counted == 0 ? Double.NaN : peakSum / counted, "deg", s.side(), mean));
        }
        return out;
    }

    /**
     * One series as its windows read it, made once per series: each sample's issue (a NaN counts as not tracked), the
     * usable values (NaN where the sample is no measurement) and the keypoint behind each issue. Made per window, these
     * copies of the whole series cost an hour-long video 60 GB of allocations (800 repetitions × 108,000 samples).
     */
    record Samples(SampleIssue[] issues, double[] usable, String[] keypoints, QualityRule.Context context) {
        static Samples of(AngleSeries s, ViewSummary view) {
            double[] values = s.valuesDeg();
            SampleIssue[] issues = QualityRule.withGaps(values, s.issues());
            String[] keypoints = s.keypoints();
            // 3D angles do not depend on the view: only a 2D angle's reasons speak of its plane.
            QualityRule.Context context = new QualityRule.Context(s.dimension() == Dimension.IMAGE_2D ? s.angle().plane() : null, view)
                    .withKeypoints(keypoints);
            return new Samples(issues, QualityRule.usable(values, issues), keypoints, context);
        }

        /** Samples {@code from..to} (inclusive): their extremes and their rating, whose reasons name the window's keypoints. */
        Window window(int from, int to) {
            double[] mm = minMax(usable, from, to);
            return new Window(mm[0], mm[1], QualityRule.rate(issues, from, to, context));
        }
    }

    /** The usable samples of one window: their extremes and their rating. */
    record Window(double min, double max, Rating rating) {}

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
