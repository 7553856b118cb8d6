package org.poseanalytics.kinematics.jump;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.view.ViewSummary;
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

    /**
     * @param kneeSignalDeg the knee signal, invalid samples NaN; @param kneeIssues its per-sample issues (null: unrated)
     * @param feet          how well the feet were seen (flight is timed on them)
     */
    public Result analyze(KeypointSeries s, AngleTable angles, double[] kneeSignalDeg, SampleIssue[] kneeIssues, String signalName,
                          Rating feet, ViewSummary view) {
        return analyze(s, angles, kneeSignalDeg, kneeIssues, signalName, feet, view, Scale.none());
    }

    /**
     * With a scale, each landed jump also gets {@code jump_height_from_hip} (m): how far the mid-hip rose from where it
     * stood before the countermovement to its highest point in flight (the hips stand in for the centre of mass, which
     * lies a few centimetres above them and moves with them while the body is extended in the air).
     */
    public Result analyze(KeypointSeries s, AngleTable angles, double[] kneeSignalDeg, SampleIssue[] kneeIssues, String signalName,
                          Rating feet, ViewSummary view, Scale scale) {
        double[] t = s.timesS();
        double[] foot = footHeight(s, Side.LEFT), footR = footHeight(s, Side.RIGHT), leg = legLength(s);
        double legPx = Signals.percentile(leg, 50);
        List<Repetition> jumps = new ArrayList<>();
        List<MetricRecord> metrics = new ArrayList<>();
        SampleIssue[] issues = QualityRule.withGaps(kneeSignalDeg, kneeIssues);
        double[] measured = QualityRule.usable(kneeSignalDeg, issues);
        Rating signal = QualityRule.rate(issues, QualityRule.Context.NONE).worst(feet);
        if (!Double.isFinite(legPx)) return new Result(jumps, List.of(MetricRecord.session("jump_count", 0, "count", Side.NONE,
                Rating.invalid("the legs were not seen"))));
        double groundL = Signals.percentile(foot, 20), groundR = Signals.percentile(footR, 20);
        double[] knee = Signals.fillGaps(measured);
        if (knee == null) return new Result(jumps, List.of(MetricRecord.session("jump_count", 0, "count", Side.NONE,
                signal.usable() ? Rating.invalid("the knees were not measured") : signal)));
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
            previousEnd = end;
            i = Math.max(i, end);
            // A jump seen on mostly invalid knee samples is not counted; its values come from the measured samples only.
            Rating rating = QualityRule.rate(issues, start, end, QualityRule.Context.NONE).worst(feet);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int j = start; j <= end; j++) {
                if (!Double.isFinite(measured[j])) continue;
                min = Math.min(min, measured[j]);
                max = Math.max(max, measured[j]);
            }
            if (!rating.usable() || !(max >= min)) continue;
            int deepest = bottom;
            for (int j = start; j <= takeoff && j < t.length; j++)
                if (Double.isFinite(measured[j]) && (!Double.isFinite(measured[deepest]) || measured[j] > measured[deepest])) deepest = j;
            boolean complete = landed && knee[end] <= rest + band && knee[start] <= rest + band;
            int index = jumps.size() + 1;
            jumps.add(new Repetition(index, t[start], t[bottom], t[end], s.frames()[start], s.frames()[bottom], s.frames()[end],
                    max - min, measured[deepest], min, max, t[bottom] - t[start], 0, t[takeoff] - t[bottom], complete,
                    complete ? "" : landed ? "the video ends before the knees are back at rest" : "the video ends in flight", signalName, rating));
            if (landed) {
                double above = crossing(t, foot, footR, groundL, groundR, legPx, landing) - crossing(t, foot, footR, groundL, groundR, legPx, takeoff);
                // The feet spend less time above the threshold than in the air: for a ballistic flight of T seconds
                // the time above height d is sqrt(T² − 8d/g), so T = sqrt(above² + 8d/g). d in metres comes from the
                // world leg length, or an adult's 0.85 m without world landmarks.
                double d = AIRBORNE_FRACTION_OF_LEG * legM(s);
                double flight = Math.sqrt(above * above + 8 * d / G);
                metrics.add(MetricRecord.of("flight_time", flight, "s", Side.NONE, index, feet));
                metrics.add(MetricRecord.of("jump_height_from_flight_time", G * flight * flight / 8, "m", Side.NONE, index, feet));
                if (scale.known()) {
                    double rise = hipRise(s, start, takeoff, landing) * scale.metresPerPx();
                    metrics.add(MetricRecord.of("jump_height_from_hip", rise, "m", Side.NONE, index,
                            Double.isFinite(rise) ? scale.rating() : Rating.invalid("the hips were not seen standing and in flight")));
                }
                int to = landing;
                while (to + 1 < t.length && t[to + 1] - t[landing] <= LANDING_WINDOW_S) to++;
                for (AngleSeries a : angles.series()) {
                    if (a.angle() != JointAngle.KNEE_VALGUS && a.angle() != JointAngle.KNEE_FLEXION) continue;
                    SampleIssue[] ai = QualityRule.withGaps(a.valuesDeg(), a.issues());
                    double[] v = QualityRule.usable(a.valuesDeg(), ai);
                    double peak = Double.NaN;
                    for (int j = landing; j <= to; j++)
                        if (Double.isFinite(v[j]) && !(v[j] <= peak)) peak = v[j];
                    Rating landingRating = QualityRule.rate(ai, landing, to,
                            new QualityRule.Context(a.dimension() == Dimension.IMAGE_2D ? a.angle().plane() : null, view));
                    metrics.add(MetricRecord.of(a.angle().id() + a.dimension().suffix() + "_landing_peak", peak, "deg", a.side(), index, landingRating));
                }
            }
        }
        metrics.add(0, MetricRecord.session("jump_count", jumps.size(), "count", Side.NONE, signal));
        for (String name : new String[]{"flight_time", "jump_height_from_flight_time", "jump_height_from_hip"}) best(metrics, name, Side.NONE, name.startsWith("flight") ? "s" : "m");
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT})
            for (String name : new String[]{"knee_valgus_fppa_landing_peak", "knee_valgus_fppa_3d_landing_peak"}) best(metrics, name, side, "deg");
        return new Result(jumps, metrics);
    }

    /**
     * Pixels the mid-hip rose from standing (the median over the samples up to the start of the countermovement, at
     * most 0.5 s of them) to its highest point between take-off and landing; NaN when the hips were not seen.
     */
    static double hipRise(KeypointSeries s, int start, int takeoff, int landing) {
        double[] hip = midHipY(s);
        double[] t = s.timesS();
        List<Double> standing = new ArrayList<>();
        for (int j = start; j >= 0 && t[start] - t[j] <= 0.5; j--) if (Double.isFinite(hip[j])) standing.add(hip[j]);
        double top = Double.POSITIVE_INFINITY;
        for (int j = takeoff; j < landing; j++) if (Double.isFinite(hip[j])) top = Math.min(top, hip[j]);
        if (standing.isEmpty() || !Double.isFinite(top)) return Double.NaN;
        double[] st = standing.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return st[st.length / 2] - top;
    }

    private static double[] midHipY(KeypointSeries s) {
        int l = s.skeleton().indexOf("left_hip"), r = s.skeleton().indexOf("right_hip");
        double[] out = new double[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = 0.5 * (s.y().get(l, i) + s.y().get(r, i));
        return out;
    }

    /** The session's largest usable value of a per-jump figure, as good as the jump it came from. */
    private static void best(List<MetricRecord> metrics, String name, Side side, String unit) {
        String sessionName = name + (name.contains("landing_peak") ? "_max" : "_best");
        List<MetricRecord> per = metrics.stream().filter(m -> m.repetition() != null && m.name().equals(name) && m.side() == side).toList();
        if (per.isEmpty()) return;
        per.stream().filter(m -> m.quality().usable()).max(java.util.Comparator.comparingDouble(MetricRecord::value))
                .ifPresentOrElse(m -> metrics.add(MetricRecord.session(sessionName, m.value(), unit, side, m.rating())),
                        () -> metrics.add(MetricRecord.session(sessionName, Double.NaN, unit, side, per.getFirst().rating())));
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
                double up = -s.y().get(k, i);
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
        double dx = s.worldX().get(p, i) - s.worldX().get(q, i), dy = s.worldY().get(p, i) - s.worldY().get(q, i), dz = s.worldZ().get(p, i) - s.worldZ().get(q, i);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[] legLength(KeypointSeries s) {
        double[] out = new double[s.length()];
        int h = s.skeleton().indexOf("left_hip"), k = s.skeleton().indexOf("left_knee"), a = s.skeleton().indexOf("left_ankle");
        for (int i = 0; i < out.length; i++)
            out[i] = Math.hypot(s.x().get(h, i) - s.x().get(k, i), s.y().get(h, i) - s.y().get(k, i)) + Math.hypot(s.x().get(k, i) - s.x().get(a, i), s.y().get(k, i) - s.y().get(a, i));
        return out;
    }
}
