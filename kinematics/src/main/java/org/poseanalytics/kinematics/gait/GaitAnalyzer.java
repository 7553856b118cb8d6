package org.poseanalytics.kinematics.gait;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.BodyFrame;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.Landmarks;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Gait events by Zeni et al. (2008): a heel strike is when the heel is furthest ahead of the pelvis, a toe-off
 * when the toe is furthest behind it. Relative to the pelvis, the method works for over-ground walking across
 * the frame and on a treadmill. In a side view the image x axis in the walking direction: exact there, and free of
 * the model's depth guess, which on a small or distant walker jumps by centimetres from frame to frame. Otherwise
 * world landmarks when present (forward = the pelvis' forward, level), else the image x axis, then rated for the
 * view. COCO-17 has no heel or toe: the ankle stands in for both. Every figure carries the quality of the feet it was
 * timed on ({@link FootQuality}) and of the steps themselves ({@link #plausibility}).
 */
public final class GaitAnalyzer {
    /** Extremes are searched in stretches above 70% / below 30% of each foot signal's own range. */
    private static final double HIGH = 0.7, LOW = 0.3;
    /** Cadences no one walks or runs at, in steps per minute: below a very slow pathological gait, above a sprint. */
    static final double MIN_CADENCE = 30, MAX_CADENCE = 300;
    /** The least share of consecutive heel strikes on opposite feet for the events to be a walk's. */
    static final double MIN_ALTERNATION = 0.75;

    public record Result(List<GaitEvent> events, List<MetricRecord> metrics) {}

    /** A series with nothing interpolated, frame size and view unknown (tests). */
    public Result analyze(KeypointSeries series) { return analyze(series, null, 0, 0, ViewSummary.unknown(), null); }

    /**
     * @param interpolated [landmark] samples where the filter filled a gap (null: none)
     * @param frameWidth   displayed frame size (0: unknown)
     * @param angles       the angles, for knee flexion in swing (null: none)
     */
    public Result analyze(KeypointSeries series, BitSet[] interpolated, int frameWidth, int frameHeight, ViewSummary view, AngleTable angles) {
        return analyze(series, interpolated, frameWidth, frameHeight, view, angles, Scale.none());
    }

    /** With a scale, also step and stride length and gait speed in metres ({@link GaitDistances}). */
    public Result analyze(KeypointSeries series, BitSet[] interpolated, int frameWidth, int frameHeight, ViewSummary view, AngleTable angles,
                          Scale scale) {
        List<GaitEvent> events = new ArrayList<>();
        ViewSigns signs = ViewSigns.of(series);
        boolean world = worldTimed(series, view);
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            double[] heel = forwardOfPelvis(series, signs, side, series.skeleton().indexOf(side.prefix() + "heel") >= 0 ? "heel" : "ankle", world);
            double[] toe = forwardOfPelvis(series, signs, side, series.skeleton().indexOf(side.prefix() + "foot_index") >= 0 ? "foot_index" : "ankle", world);
            for (double t : extremes(series.timesS(), heel, true)) events.add(event(GaitEvent.Type.HEEL_STRIKE, side, t, series));
            for (double t : extremes(series.timesS(), toe, false)) events.add(event(GaitEvent.Type.TOE_OFF, side, t, series));
        }
        events.sort(Comparator.comparingDouble(GaitEvent::timeS));
        Rating plausible = plausibility(heelStrikes(events));
        Rating left = FootQuality.rate(series, interpolated, frameWidth, frameHeight, Side.LEFT, view).worst(plausible);
        Rating right = FootQuality.rate(series, interpolated, frameWidth, frameHeight, Side.RIGHT, view).worst(plausible);
        List<MetricRecord> metrics = metrics(events, left, right);
        if (angles != null) metrics.addAll(SwingKnee.metrics(angles, events, view, left, right));
        metrics.addAll(GaitDistances.metrics(series, events, scale, left, right, view));
        return new Result(events, metrics);
    }

    private static GaitEvent event(GaitEvent.Type type, Side side, double t, KeypointSeries s) {
        int nearest = 0;
        for (int i = 0; i < s.length(); i++) if (Math.abs(s.timesS()[i] - t) < Math.abs(s.timesS()[nearest] - t)) nearest = i;
        return new GaitEvent(type, side, t, s.frames()[nearest]);
    }

    /** Whether the events are timed on the world landmarks: where there are some, unless the camera saw the walk from the side. */
    static boolean worldTimed(KeypointSeries s, ViewSummary view) {
        return s.hasWorld() && !view.dominant().sagittal();
    }

    private static double[] forwardOfPelvis(KeypointSeries s, ViewSigns signs, Side side, String point, boolean world) {
        Landmarks p = new Landmarks(s, world ? Dimension.WORLD_3D : Dimension.IMAGE_2D);
        double[] out = new double[s.length()];
        for (int i = 0; i < out.length; i++) {
            p.at(i);
            Vec3 foot = p.get(side, point), lh = p.get("left_hip"), rh = p.get("right_hip");
            if (foot == null || lh == null || rh == null) { out[i] = Double.NaN; continue; }
            Vec3 rel = foot.minus(Vec3.mid(lh, rh));
            if (world) {
                BodyFrame f = BodyFrame.of3d(p);
                out[i] = f == null ? Double.NaN : rel.dot(f.forwardLevel());
            } else {
                out[i] = rel.x() * signs.facing();
            }
        }
        return out;
    }

    /** Times of the maxima (or minima) of each excursion beyond the 70% (30%) level, refined by a parabola. */
    static List<Double> extremes(double[] t, double[] raw, boolean maxima) {
        double[] v = Signals.fillGaps(raw);
        List<Double> out = new ArrayList<>();
        if (v == null) return out;
        double lo = Signals.percentile(v, 5), hi = Signals.percentile(v, 95), range = hi - lo;
        if (!(range > 0)) return out;
        int runStart = -1;
        for (int i = 0; i <= v.length; i++) {
            boolean in = i < v.length && (maxima ? (v[i] - lo) / range > HIGH : (v[i] - lo) / range < LOW);
            if (in && runStart < 0) runStart = i;
            if (!in && runStart >= 0) {
                int best = runStart;
                for (int j = runStart; j < i; j++) if (maxima ? v[j] > v[best] : v[j] < v[best]) best = j;
                // An extreme touching the series' ends may lie outside the recording: skip it.
                if (best > 0 && best < v.length - 1) out.add(refine(t, v, best));
                runStart = -1;
            }
        }
        return out;
    }

    /** Vertex of the parabola through three samples (times may be unevenly spaced). */
    private static double refine(double[] t, double[] v, int i) {
        double t0 = t[i - 1], t1 = t[i], t2 = t[i + 1], y0 = v[i - 1], y1 = v[i], y2 = v[i + 1];
        double denom = (t0 - t1) * (t0 - t2) * (t1 - t2);
        double a = (t2 * (y1 - y0) + t1 * (y0 - y2) + t0 * (y2 - y1)) / denom;
        double b = (t2 * t2 * (y0 - y1) + t1 * t1 * (y2 - y0) + t0 * t0 * (y1 - y2)) / denom;
        if (Math.abs(a) < 1e-12) return t1;
        double vertex = -b / (2 * a);
        return vertex >= t0 && vertex <= t2 ? vertex : t1;
    }

    /** Timing figures; each is as good as the feet it needs (both for counts, cadence and step time, its own for the rest). */
    static List<MetricRecord> metrics(List<GaitEvent> events, Rating left, Rating right) {
        List<GaitEvent> strikes = heelStrikes(events);
        Rating plausible = plausibility(strikes);
        left = left.worst(plausible);
        right = right.worst(plausible);
        Rating both = left.worst(right);
        List<MetricRecord> out = new ArrayList<>();
        out.add(MetricRecord.session("heel_strike_count", strikes.size(), "count", Side.NONE, both));
        out.add(MetricRecord.session("toe_off_count", events.stream().filter(e -> e.type() == GaitEvent.Type.TOE_OFF).count(), "count", Side.NONE, both));
        if (strikes.size() >= 2) out.add(MetricRecord.session("cadence", cadence(strikes), "steps/min", Side.NONE, both));
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            Rating own = side == Side.LEFT ? left : right;
            // Step time of a side: from the other foot's strike to this foot's strike.
            List<Double> steps = new ArrayList<>(), strides = new ArrayList<>(), stances = new ArrayList<>(), swings = new ArrayList<>();
            for (int k = 1; k < strikes.size(); k++)
                if (strikes.get(k).side() == side && strikes.get(k - 1).side() != side) steps.add(strikes.get(k).timeS() - strikes.get(k - 1).timeS());
            List<GaitEvent> ownEvents = events.stream().filter(e -> e.side() == side).toList();
            GaitEvent lastStrike = null, lastToeOff = null;
            for (GaitEvent e : ownEvents) {
                if (e.type() == GaitEvent.Type.HEEL_STRIKE) {
                    if (lastStrike != null) strides.add(e.timeS() - lastStrike.timeS());
                    if (lastToeOff != null && lastStrike != null && lastToeOff.timeS() > lastStrike.timeS()) swings.add(e.timeS() - lastToeOff.timeS());
                    lastStrike = e;
                } else {
                    if (lastStrike != null && (lastToeOff == null || lastToeOff.timeS() < lastStrike.timeS())) stances.add(e.timeS() - lastStrike.timeS());
                    lastToeOff = e;
                }
            }
            double step = mean(steps), stride = mean(strides), stance = mean(stances), swing = mean(swings);
            add(out, "step_time", step, "s", side, both);
            add(out, "stride_time", stride, "s", side, own);
            add(out, "stance_time", stance, "s", side, own);
            add(out, "swing_time", swing, "s", side, own);
            add(out, "stance_swing_ratio", stance / swing, "ratio", side, own);
            add(out, "stance_percent", 100 * stance / (stance + swing), "%", side, own);
        }
        double all = mean(strikes.size() < 2 ? List.of() : java.util.stream.IntStream.range(1, strikes.size())
                .mapToObj(k -> strikes.get(k).timeS() - strikes.get(k - 1).timeS()).toList());
        add(out, "step_time", all, "s", Side.NONE, both);
        return out;
    }

    /**
     * Whether these heel strikes can be a walk's or a run's: a cadence, every single step and the feet's turns as
     * people walk and run. Steps the detector missed or invented show there, and then no figure timed on them (cadence,
     * step and stance times, the knee in swing) is a measurement.
     */
    static Rating plausibility(List<GaitEvent> strikes) {
        if (strikes.size() < 2) return Rating.VALID;
        double cadence = cadence(strikes);
        if (cadence < MIN_CADENCE || cadence > MAX_CADENCE)
            return Rating.invalid(String.format(java.util.Locale.ROOT,
                    "%.0f steps/min is outside human walking and running (%.0f-%.0f): steps were missed or invented", cadence, MIN_CADENCE, MAX_CADENCE));
        // A step of 0.14 s beside one of 3.3 s averages to a cadence people walk at.
        for (int k = 1; k < strikes.size(); k++) {
            double step = strikes.get(k).timeS() - strikes.get(k - 1).timeS();
            if (step < 60 / MAX_CADENCE || step > 60 / MIN_CADENCE)
                return Rating.invalid(String.format(java.util.Locale.ROOT,
                        "a step of %.2f s at %.1f s is outside human walking and running (%.1f-%.1f s): steps were missed or invented",
                        step, strikes.get(k).timeS(), 60 / MAX_CADENCE, 60 / MIN_CADENCE));
        }
        // Walking puts the feet down in turn: strikes that do not alternate are a movement that is not a walk (a squat
        // drifting across the picture), or steps missed.
        int turns = 0;
        for (int k = 1; k < strikes.size(); k++) if (strikes.get(k).side() != strikes.get(k - 1).side()) turns++;
        if (strikes.size() >= 3 && turns < MIN_ALTERNATION * (strikes.size() - 1))
            return Rating.invalid(String.format(java.util.Locale.ROOT,
                    "heel strikes alternate left and right only %d times in %d: not a walk, or steps were missed", turns, strikes.size() - 1));
        return Rating.VALID;
    }

    private static List<GaitEvent> heelStrikes(List<GaitEvent> events) {
        return events.stream().filter(e -> e.type() == GaitEvent.Type.HEEL_STRIKE).toList();
    }

    /** Steps per minute between the first and the last of at least two heel strikes. */
    private static double cadence(List<GaitEvent> strikes) {
        return 60 * (strikes.size() - 1) / (strikes.getLast().timeS() - strikes.getFirst().timeS());
    }

    private static void add(List<MetricRecord> out, String name, double v, String unit, Side side, Rating rating) {
        if (Double.isFinite(v)) out.add(MetricRecord.session(name, v, unit, side, rating));
    }

    private static double mean(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN); }
}
