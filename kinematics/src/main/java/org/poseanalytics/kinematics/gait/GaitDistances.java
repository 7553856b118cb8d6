package org.poseanalytics.kinematics.gait;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Gait distances in metres, only with a scale (docs/SCALE.md): distances along the walking direction are read in the
 * image, so they need a side view (the person walks across the frame, at one distance from the camera).
 * <ul>
 *   <li>{@code step_length} (per side, and both): at a heel strike, how far the striking heel is ahead of the other
 *       one along the image's horizontal;</li>
 *   <li>{@code stride_length} (per side): how far a heel moved between two strikes of the same foot;</li>
 *   <li>{@code gait_speed}: the mid-hip's horizontal distance from the first heel strike to the last, divided by that
 *       time.</li>
 * </ul>
 * From a front or back view they are invalid (the walking direction points at the camera); from an oblique view low
 * (foreshortened by the cosine of the angle). Each is also as good as the feet it needs and the scale.
 */
public final class GaitDistances {
    private GaitDistances() {}

    public static List<MetricRecord> metrics(KeypointSeries s, List<GaitEvent> events, Scale scale, Rating left, Rating right,
                                             ViewSummary view) {
        List<MetricRecord> out = new ArrayList<>();
        if (!scale.known()) return out;
        Rating viewRating = viewRating(view.dominant()).worst(scale.rating());
        Rating both = left.worst(right).worst(viewRating);
        String heel = s.skeleton().indexOf("left_heel") >= 0 ? "heel" : "ankle";
        List<GaitEvent> strikes = events.stream().filter(e -> e.type() == GaitEvent.Type.HEEL_STRIKE).toList();
        List<Double> allSteps = new ArrayList<>();
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            Rating own = (side == Side.LEFT ? left : right).worst(viewRating);
            Side other = side == Side.LEFT ? Side.RIGHT : Side.LEFT;
            List<Double> steps = new ArrayList<>(), strides = new ArrayList<>();
            double lastX = Double.NaN;
            for (GaitEvent e : strikes) {
                if (e.side() != side) continue;
                double x = xAt(s, side.prefix() + heel, e.timeS()), xOther = xAt(s, other.prefix() + heel, e.timeS());
                if (Double.isFinite(x) && Double.isFinite(xOther)) steps.add(Math.abs(x - xOther) * scale.metresPerPx());
                if (Double.isFinite(x) && Double.isFinite(lastX)) strides.add(Math.abs(x - lastX) * scale.metresPerPx());
                lastX = x;
            }
            allSteps.addAll(steps);
            add(out, "step_length", mean(steps), "m", side, both);
            add(out, "stride_length", mean(strides), "m", side, own);
        }
        add(out, "step_length", mean(allSteps), "m", Side.NONE, both);
        if (strikes.size() >= 2) {
            double t0 = strikes.getFirst().timeS(), t1 = strikes.getLast().timeS();
            double x0 = midHipX(s, t0), x1 = midHipX(s, t1);
            if (t1 > t0 && Double.isFinite(x0) && Double.isFinite(x1))
                add(out, "gait_speed", Math.abs(x1 - x0) * scale.metresPerPx() / (t1 - t0), "m/s", Side.NONE, both);
        }
        return out;
    }

    static Rating viewRating(CameraView view) {
        if (view.frontal()) return Rating.invalid("distances along the walking direction from a front or back view");
        if (view == CameraView.OBLIQUE) return Rating.low("distances along the walking direction from an oblique view (foreshortened)");
        if (view == CameraView.UNKNOWN) return Rating.low("camera view unknown: distances may be foreshortened");
        return Rating.VALID;
    }

    /** A landmark's image x at a time, linearly between the two samples around it; NaN in a gap. */
    static double xAt(KeypointSeries s, String landmark, double timeS) {
        int k = s.skeleton().indexOf(landmark);
        if (k < 0) return Double.NaN;
        double[] t = s.timesS();
        for (int i = 1; i < t.length; i++) {
            if (t[i] < timeS) continue;
            double f = (timeS - t[i - 1]) / (t[i] - t[i - 1]);
            return s.x().get(k, i - 1) + Math.max(0, Math.min(1, f)) * (s.x().get(k, i) - s.x().get(k, i - 1));
        }
        return t.length > 0 && Math.abs(t[t.length - 1] - timeS) < 1e-9 ? s.x().get(k, t.length - 1) : Double.NaN;
    }

    private static double midHipX(KeypointSeries s, double timeS) {
        return 0.5 * (xAt(s, "left_hip", timeS) + xAt(s, "right_hip", timeS));
    }

    private static void add(List<MetricRecord> out, String name, double v, String unit, Side side, Rating rating) {
        if (Double.isFinite(v)) out.add(MetricRecord.session(name, v, unit, side, rating));
    }

    private static double mean(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN); }
}
