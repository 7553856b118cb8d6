package org.poseanalytics.kinematics.exercise;

import java.util.Optional;
import org.poseanalytics.kinematics.angle.AnatomicalPlane;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * The one signal repetitions are counted on, from usable samples only (invalid ones are NaN here), with each sample's
 * issue. 3D is preferred when at least half its samples are usable: it does not depend on where the camera stands.
 * A 2D signal is used only when its plane faces the camera (a sagittal angle from a side view, a frontal one from a
 * front or back view; an oblique or unknown view is left to the per-sample ratings) and half its samples are usable.
 * A sample whose 3D value is the model's depth guess ({@link SampleIssue#DEPTH_GUESSED}) still says when the joint
 * moved, so it counts as measured for the count and the tempo; the angle figures keep it low.
 */
public record RepetitionSignal(String name, double[] valuesDeg, SampleIssue[] issues, Dimension dimension, Side side, AnatomicalPlane plane) {

    /** Without a camera view (tests, the exercise guess): the per-sample ratings decide alone. */
    public static Optional<RepetitionSignal> choose(AngleTable table, JointAngle angle, Exercise.Sides sides) {
        return choose(table, angle, sides, ViewSummary.unknown());
    }

    public static Optional<RepetitionSignal> choose(AngleTable table, JointAngle angle, Exercise.Sides sides, ViewSummary view) {
        for (Dimension dim : new Dimension[]{Dimension.WORLD_3D, Dimension.IMAGE_2D}) {
            if (dim == Dimension.IMAGE_2D && !QualityRule.facesCamera(angle.plane(), view.dominant())) continue;
            Optional<RepetitionSignal> s = of(table, angle, sides, dim);
            if (s.isPresent() && usableFraction(s.get()) >= QualityRule.USABLE_SHARE) return s;
        }
        return Optional.empty();
    }

    static Optional<RepetitionSignal> of(AngleTable table, JointAngle angle, Exercise.Sides sides, Dimension dim) {
        if (!angle.sided())
            return table.find(angle, Side.NONE, dim).map(s -> new RepetitionSignal(s.column(), usable(s), timing(s.issues()), dim, Side.NONE, angle.plane()));
        Optional<AngleSeries> l = table.find(angle, Side.LEFT, dim), r = table.find(angle, Side.RIGHT, dim);
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        if (sides == Exercise.Sides.MEAN) {
            String name = "mean of " + l.get().column() + " and " + r.get().column();
            double[] lv = usable(l.get()), rv = usable(r.get());
            return Optional.of(new RepetitionSignal(name, Signals.meanOfTwo(lv, rv), meanIssues(lv, timing(l.get().issues()), rv, timing(r.get().issues())),
                    dim, Side.NONE, angle.plane()));
        }
        AngleSeries moving = range(usable(l.get())) >= range(usable(r.get())) ? l.get() : r.get();
        return Optional.of(new RepetitionSignal(moving.column(), usable(moving), timing(moving.issues()), dim, moving.side(), angle.plane()));
    }

    /** The mean of two sides is as good as the worse side where both are used, else as the one used. */
    private static SampleIssue[] meanIssues(double[] lv, SampleIssue[] li, double[] rv, SampleIssue[] ri) {
        SampleIssue[] out = new SampleIssue[lv.length];
        for (int i = 0; i < out.length; i++) {
            boolean l = Double.isFinite(lv[i]), r = Double.isFinite(rv[i]);
            out[i] = l && r ? (li[i].quality().ordinal() >= ri[i].quality().ordinal() ? li[i] : ri[i]) : l ? li[i] : r ? ri[i] : li[i];
        }
        return out;
    }

    /** The issues as they bear on timing: a guessed depth changes how far the joint moved, not when. */
    private static SampleIssue[] timing(SampleIssue[] issues) {
        SampleIssue[] out = issues.clone();
        for (int i = 0; i < out.length; i++) if (out[i] == SampleIssue.DEPTH_GUESSED) out[i] = SampleIssue.NONE;
        return out;
    }

    private static double[] usable(AngleSeries s) { return QualityRule.usable(s.valuesDeg(), s.issues()); }

    /** Robust range: 95th minus 5th percentile. */
    public static double range(double[] v) {
        double hi = Signals.percentile(v, 95), lo = Signals.percentile(v, 5);
        return Double.isFinite(hi) ? hi - lo : 0;
    }

    /** The share of usable samples over the subject's time in the video ({@link QualityRule#presence}), as the count is rated. */
    private static double usableFraction(RepetitionSignal s) {
        double[] v = s.valuesDeg;
        if (v.length == 0) return 0;
        int[] span = QualityRule.presence(QualityRule.withGaps(v, s.issues));
        int n = 0;
        for (int i = span[0]; i <= span[1]; i++) if (Double.isFinite(v[i])) n++;
        return n / (double) (span[1] - span[0] + 1);
    }
}
