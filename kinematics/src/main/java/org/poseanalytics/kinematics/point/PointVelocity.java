package org.poseanalytics.kinematics.point;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Polarity;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.RepetitionDetector;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.tracking.point.PointMotion;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * Velocity-based-training figures of a followed point (a bar end) per repetition, as metric records (docs/SCALE.md):
 * <ul>
 *   <li>{@code point_<id>_displacement}: the point's vertical range within the repetition (m);</li>
 *   <li>{@code point_<id>_mean_concentric_velocity}: mean upward velocity over the concentric phase (m/s);</li>
 *   <li>{@code point_<id>_peak_concentric_velocity}: the highest upward velocity in it (m/s);</li>
 *   <li>{@code point_<id>_mean_eccentric_velocity}: mean downward speed over the eccentric phase, positive (m/s);</li>
 *   <li>session-wide: {@code point_<id>_mean_concentric_velocity} (mean over the repetitions) and
 *       {@code point_<id>_velocity_loss}, (first − last) ÷ first × 100 % of the mean concentric velocity.</li>
 * </ul>
 * The concentric phase is the stretch around the repetition's fastest upward movement while the point moves up, its
 * ends found above the tracker's jitter and carried on to zero velocity ({@link RepVelocity.Phase}); the eccentric
 * phase the same
 * for the downward movement before it. Without a scale the same figures are given in px and px/s (velocity loss,
 * a ratio, stays %); a reader comparing sessions compares only figures of the same unit.
 *
 * <p>Repetitions are the pose's (the exercise's) when the analysis found any, so the numbering matches; otherwise
 * (no person, or no repetitions counted) they are found on the point's own vertical path, down then up.
 */
public final class PointVelocity {
    private PointVelocity() {}

    /** The figures of every followed point. */
    public static List<MetricRecord> metrics(List<PointTrajectory> points, Scale scale, List<Repetition> repetitions) {
        List<MetricRecord> out = new ArrayList<>();
        for (PointTrajectory p : points) out.addAll(metrics(p, scale, repetitions));
        return out;
    }

    /** One point's figures per repetition and for the session; none when it made no repetition. */
    public static List<MetricRecord> metrics(PointTrajectory point, Scale scale, List<Repetition> repetitions) {
        PointMotion motion = PointMotion.of(point, scale.metresPerPx());
        List<Window> windows = windows(motion, repetitions);
        String prefix = "point_" + point.pointId() + "_";
        String len = scale.lengthUnit(), speed = scale.speedUnit();
        List<MetricRecord> out = new ArrayList<>();
        List<Double> mcv = new ArrayList<>();
        List<Rating> mcvRatings = new ArrayList<>();
        SampleIssue[] issues = issues(motion);
        for (Window w : windows) {
            Rating rating = QualityRule.rate(issues, w.from(), w.to(), QualityRule.Context.NONE).worst(scale.rating());
            RepVelocity v = RepVelocity.of(motion, w.from(), w.to());
            out.add(MetricRecord.of(prefix + "displacement", scale.toUnit(v.displacementPx()), len, Side.NONE, w.index(), rating));
            out.add(MetricRecord.of(prefix + "mean_concentric_velocity", scale.toUnit(v.meanConcentricPxPerS()), speed, Side.NONE, w.index(), rating));
            out.add(MetricRecord.of(prefix + "peak_concentric_velocity", scale.toUnit(v.peakConcentricPxPerS()), speed, Side.NONE, w.index(), rating));
            out.add(MetricRecord.of(prefix + "mean_eccentric_velocity", scale.toUnit(v.meanEccentricPxPerS()), speed, Side.NONE, w.index(), rating));
            if (rating.usable() && Double.isFinite(v.meanConcentricPxPerS())) {
                mcv.add(scale.toUnit(v.meanConcentricPxPerS()));
                mcvRatings.add(rating);
            }
        }
        if (!mcv.isEmpty()) {
            Rating all = mcvRatings.stream().reduce(Rating.VALID, Rating::worst);
            out.add(MetricRecord.session(prefix + "mean_concentric_velocity", mcv.stream().mapToDouble(d -> d).average().orElse(Double.NaN),
                    speed, Side.NONE, all));
            if (mcv.size() >= 2) {
                double first = mcv.getFirst(), last = mcv.getLast();
                out.add(MetricRecord.session(prefix + "velocity_loss", 100 * (first - last) / first, "%", Side.NONE,
                        mcvRatings.getFirst().worst(mcvRatings.getLast())));
            }
        }
        return out;
    }

    /** A repetition's stretch of samples, inclusive. */
    record Window(int index, int from, int to) {}

    /**
     * The pose's repetitions mapped onto the point's samples, or the point's own down-up movements. Each window reaches
     * half-way to its neighbours (at most {@value #MARGIN_S} s beyond the repetition): a repetition ends when the
     * body is back near rest, a moment before the bar has finished its last centimetres.
     */
    static List<Window> windows(PointMotion m, List<Repetition> repetitions) {
        List<Repetition> reps = repetitions == null || repetitions.isEmpty() ? ownRepetitions(m) : repetitions;
        List<Window> out = new ArrayList<>();
        for (int k = 0; k < reps.size(); k++) {
            Repetition r = reps.get(k);
            double before = k > 0 ? Math.min(MARGIN_S, (r.startS() - reps.get(k - 1).endS()) / 2) : MARGIN_S;
            double after = k + 1 < reps.size() ? Math.min(MARGIN_S, (reps.get(k + 1).startS() - r.endS()) / 2) : MARGIN_S;
            double start = r.startS() - Math.max(0, before), end = r.endS() + Math.max(0, after);
            int from = -1, to = -1;
            for (int i = 0; i < m.length(); i++) {
                if (m.timesS()[i] >= start - 1e-9 && from < 0) from = i;
                if (m.timesS()[i] <= end + 1e-9) to = i;
            }
            if (from >= 0 && to > from) out.add(new Window(r.index(), from, to));
        }
        return out;
    }

    static final double MARGIN_S = 0.5;

    /**
     * Repetitions of the point's own height: down from rest and back up, as a squat or a bench press moves the bar. A
     * movement must span at least {@value #MIN_RANGE_PX} px to count (the tracker's jitter is below a pixel or two).
     */
    static List<Repetition> ownRepetitions(PointMotion m) {
        double[] down = new double[m.length()];
        for (int i = 0; i < down.length; i++) down[i] = m.gap()[i] ? Double.NaN : m.yPx()[i];
        var config = new RepetitionDetector.Config(0.4, 0.2, 0.08, 0.75, MIN_RANGE_PX, 0.03);
        return new RepetitionDetector(config).detect(m.frames(), m.timesS(), down, Polarity.RISES, true, "point_" + m.pointId() + "_y_px");
    }

    static final double MIN_RANGE_PX = 10;

    /** Lost samples are not measurements; bridged ones are interpolated. */
    static SampleIssue[] issues(PointMotion m) {
        SampleIssue[] out = new SampleIssue[m.length()];
        for (int i = 0; i < out.length; i++)
            out[i] = m.gap()[i] ? SampleIssue.NOT_TRACKED : m.interpolated()[i] ? SampleIssue.INTERPOLATED : SampleIssue.NONE;
        return out;
    }
}
