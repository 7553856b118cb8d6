package org.poseanalytics.kinematics.jump;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Countermovement jumps with landing. Flight is when both feet are above their ground level by more than 3% of
 * the leg length in the image (world landmarks are centred on the hips and cannot show flight). Each jump is a
 * repetition: start at rest, countermovement down to the deepest knee flexion (eccentric), push-off to take-off
 * (concentric), flight, landing, end when the knees are back at rest. Landing figures (peak knee valgus FPPA and
 * flexion) are taken over the first 0.4 s after touch-down, when valgus collapse happens.
 */
public final class JumpAnalyzer {
    private static final double AIRBORNE_FRACTION_OF_LEG = 0.03, LANDING_WINDOW_S = 0.4, G = 9.81, ASSUMED_LEG_M = 0.85;

    public record Result(List<Repetition> jumps, List<MetricRecord> metrics) {}

    public Result analyze(KeypointSeries s, AngleTable angles, double[] kneeSignalDeg, String signalName) {
        double[] t = s.timesS();
        double[] foot = footHeight(s, Side.LEFT), footR = footHeight(s, Side.RIGHT), leg = legLength(s);
        double legPx = Signals.percentile(leg, 50);
        List<Repetition> jumps = new ArrayList<>();
        List<MetricRecord> metrics = new ArrayList<>();
        if (!Double.isFinite(legPx)) return new Result(jumps, metrics);
        double groundL = Signals.percentile(foot, 20), groundR = Signals.percentile(footR, 20);
        double[] knee = Signals.fillGaps(kneeSignalDeg);
        if (knee == null) return new Result(jumps, metrics);
        double rest = Signals.percentile(knee, 5), range = Signals.percentile(knee, 99) - rest, band = 0.1 * range;
        boolean[] air = new boolean[t.length];
        for (int i = 0; i < t.length; i++)
            air[i] = foot[i] - groundL > AIRBORNE_FRACTION_OF_LEG * legPx && footR[i] - groundR > AIRBORNE_FRACTION_OF_LEG * legPx;
        int previousEnd = 0;
        for (int i = 1; i < t.length; i++) {
            if (!(air[i] && !air[i - 1])) continue;
            int takeoff = i, landing = i;
            while (landing < t.length && air[landing]) landing++;
            boolean landed = landing < t.length;
            // The countermovement: deepest knee flexion since the last jump, then back to where it left rest.
            int bottom = previousEnd;
            for (int j = previousEnd; j < takeoff; j++) if (knee[j] > knee[bottom]) bottom = j;
            int start = bottom;
            while (start > previousEnd && knee[start] > rest + band) start--;
            while (start > previousEnd && knee[start - 1] < knee[start]) start--;
            int end = t.length - 1;
            if (landed) {
                int landingPeak = landing;
                for (int j = landing; j < t.length && t[j] - t[landing] <= LANDING_WINDOW_S; j++) if (knee[j] > knee[landingPeak]) landingPeak = j;
                end = landingPeak;
                while (end < t.length - 1 && knee[end] > rest + band) end++;
            }
            boolean complete = landed && knee[end] <= rest + band && knee[start] <= rest + band;
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int j = start; j <= end; j++) { min = Math.min(min, knee[j]); max = Math.max(max, knee[j]); }
            int index = jumps.size() + 1;
            jumps.add(new Repetition(index, t[start], t[bottom], t[end], s.frames()[start], s.frames()[bottom], s.frames()[end],
                    max - min, knee[bottom], min, max, t[bottom] - t[start], 0, t[takeoff] - t[bottom], complete,
                    complete ? "" : landed ? "the video ends before the knees are back at rest" : "the video ends in flight", signalName));
            if (landed) {
                double above = crossing(t, foot, footR, groundL, groundR, legPx, landing) - crossing(t, foot, footR, groundL, groundR, legPx, takeoff);
                // The feet spend less time above the threshold than in the air: for a ballistic flight of T seconds
                // the time above height d is sqrt(T² − 8d/g), so T = sqrt(above² + 8d/g). d in metres comes from the
                // world leg length, or an adult's 0.85 m without world landmarks.
                double d = AIRBORNE_FRACTION_OF_LEG * legM(s);
                double flight = Math.sqrt(above * above + 8 * d / G);
                metrics.add(new MetricRecord("flight_time", flight, "s", Side.NONE, index));
                metrics.add(new MetricRecord("jump_height_from_flight_time", G * flight * flight / 8, "m", Side.NONE, index));
                for (AngleSeries a : angles.series()) {
                    if (a.angle() != JointAngle.KNEE_VALGUS && a.angle() != JointAngle.KNEE_FLEXION) continue;
                    double peak = Double.NaN;
                    for (int j = landing; j < t.length && t[j] - t[landing] <= LANDING_WINDOW_S; j++)
                        if (Double.isFinite(a.valuesDeg()[j]) && !(a.valuesDeg()[j] <= peak)) peak = a.valuesDeg()[j];
                    if (Double.isFinite(peak))
                        metrics.add(new MetricRecord(a.angle().id() + a.dimension().suffix() + "_landing_peak", peak, "deg", a.side(), index));
                }
            }
            previousEnd = end;
            i = Math.max(i, end);
        }
        metrics.add(0, MetricRecord.session("jump_count", jumps.size(), "count", Side.NONE));
        for (String name : new String[]{"flight_time", "jump_height_from_flight_time"}) {
            metrics.stream().filter(m -> m.name().equals(name)).mapToDouble(MetricRecord::value).max()
                    .ifPresent(v -> metrics.add(MetricRecord.session(name + "_best", v, name.startsWith("flight") ? "s" : "m", Side.NONE)));
        }
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT})
            for (String name : new String[]{"knee_valgus_fppa_landing_peak", "knee_valgus_fppa_3d_landing_peak"})
                metrics.stream().filter(m -> m.name().equals(name) && m.side() == side).mapToDouble(MetricRecord::value).max()
                        .ifPresent(v -> metrics.add(MetricRecord.session(name + "_max", v, "deg", side)));
        return new Result(jumps, metrics);
    }

    /** Time the lower foot crosses the airborne threshold between samples i-1 and i (linear). */
    private static double crossing(double[] t, double[] l, double[] r, double gl, double gr, double legPx, int i) {
        double th = AIRBORNE_FRACTION_OF_LEG * legPx;
        double a = Math.min(l[i - 1] - gl, r[i - 1] - gr) - th, b = Math.min(l[i] - gl, r[i] - gr) - th;
        if (!Double.isFinite(a) || !Double.isFinite(b) || a == b) return t[i];
        double f = a / (a - b);
        return t[i - 1] + Math.max(0, Math.min(1, f)) * (t[i] - t[i - 1]);
    }

    /** Height of the foot in the image (pixels, up positive): the lowest of ankle, heel and toe. */
    private static double[] footHeight(KeypointSeries s, Side side) {
        double[] out = new double[s.length()];
        for (int i = 0; i < out.length; i++) {
            double lowest = Double.NaN;
            for (String p : new String[]{"ankle", "heel", "foot_index"}) {
                int k = s.skeleton().indexOf(side.prefix() + p);
                if (k < 0 || s.isGap(k, i)) continue;
                double up = -s.y()[k][i];
                lowest = Double.isNaN(lowest) ? up : Math.min(lowest, up);
            }
            out[i] = lowest;
        }
        double[] filled = Signals.fillGaps(out);
        return filled == null ? out : filled;
    }

    private static double legM(KeypointSeries s) {
        if (!s.hasWorld()) return ASSUMED_LEG_M;
        int h = s.skeleton().indexOf("left_hip"), k = s.skeleton().indexOf("left_knee"), a = s.skeleton().indexOf("left_ankle");
        double[] len = new double[s.length()];
        for (int i = 0; i < len.length; i++)
            len[i] = dist(s, h, k, i) + dist(s, k, a, i);
        double m = Signals.percentile(len, 50);
        return Double.isFinite(m) && m > 0 ? m : ASSUMED_LEG_M;
    }

    private static double dist(KeypointSeries s, int p, int q, int i) {
        double dx = s.worldX()[p][i] - s.worldX()[q][i], dy = s.worldY()[p][i] - s.worldY()[q][i], dz = s.worldZ()[p][i] - s.worldZ()[q][i];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[] legLength(KeypointSeries s) {
        double[] out = new double[s.length()];
        int h = s.skeleton().indexOf("left_hip"), k = s.skeleton().indexOf("left_knee"), a = s.skeleton().indexOf("left_ankle");
        for (int i = 0; i < out.length; i++)
            out[i] = Math.hypot(s.x()[h][i] - s.x()[k][i], s.y()[h][i] - s.y()[k][i]) + Math.hypot(s.x()[k][i] - s.x()[a][i], s.y()[k][i] - s.y()[a][i]);
        return out;
    }
}
