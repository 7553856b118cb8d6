package org.poseanalytics.kinematics.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The subject's standing height in pixels, measured from the pose (docs/SCALE.md, "Subject height"):
 * <ol>
 *   <li>per frame, the vertical distance from the eyes (mean of both eye landmarks, or the nose) down to the soles
 *       (the lowest heel or toe landmark; the ankles on skeletons without feet);</li>
 *   <li>upright frames are those with both knees and both hips nearly straight (hip–knee–ankle and shoulder–hip–knee
 *       within {@value #STRAIGHT_DEG}° of a straight line in the image), the trunk within {@value #UPRIGHT_TRUNK_DEG}°
 *       of vertical, and the eyes-to-soles distance at least {@value #TALL_SHARE} of the tallest frame's (a squat
 *       filmed from the front keeps its knees straight in the image, but not its height);</li>
 *   <li>the median of that distance over the upright frames, divided by the share of stature it spans: eye height is
 *       0.936 of stature (Drillis &amp; Contini 1966), the sole landmarks sit about 0.006 of it above the floor, so eyes
 *       to soles is {@value #EYES_TO_SOLES} of stature ({@value #EYES_TO_ANKLES} to the ankles, which are at 0.039).</li>
 * </ol>
 * People differ by about ±2 % from these proportions, and a person leaning toward or away from the camera looks
 * shorter; both end up in the scale.
 */
public final class StandingHeight {
    static final double STRAIGHT_DEG = 20;
    static final double UPRIGHT_TRUNK_DEG = 15;
    public static final double EYES_TO_SOLES = 0.930;
    public static final double EYES_TO_ANKLES = 0.897;
    /** The share the nose stands below the eyes, as a share of stature (when the eyes are not seen). */
    static final double NOSE_BELOW_EYES = 0.025;
    /** Frames at least this share of the tallest (its 99th percentile, against a stray frame) count as standing. */
    static final double TALL_SHARE = 0.97, TALL_PERCENTILE = 0.99;
    /** Fewer upright frames than this make the height a low-quality one. */
    public static final int FEW_FRAMES = 5;

    /** The measured height: pixels of stature, the upright frames it came from, and how, in one line. */
    public record Measurement(double staturePx, int uprightFrames, int framesLookedAt, String method) {}

    private StandingHeight() {}

    /** Measures the standing height; null when no frame shows the subject upright with eyes and feet seen. */
    public static Measurement measure(KeypointSeries s) {
        int eyeL = s.skeleton().indexOf("left_eye"), eyeR = s.skeleton().indexOf("right_eye"), nose = s.skeleton().indexOf("nose");
        int[] soles = indices(s, "left_heel", "right_heel", "left_foot_index", "right_foot_index");
        boolean feet = soles.length > 0;
        if (!feet) soles = indices(s, "left_ankle", "right_ankle");
        double share = feet ? EYES_TO_SOLES : EYES_TO_ANKLES;
        List<Double> heights = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (!upright(s, i)) continue;
            double eyes = mean(s, i, eyeL, eyeR);
            double shareNow = share;
            if (!Double.isFinite(eyes) && nose >= 0 && !s.isGap(nose, i)) {
                eyes = s.y().get(nose, i);
                shareNow = share - NOSE_BELOW_EYES;
            }
            double sole = Double.NaN;
            for (int k : soles) if (!s.isGap(k, i)) sole = Double.isNaN(sole) ? s.y().get(k, i) : Math.max(sole, s.y().get(k, i));
            double px = sole - eyes;
            if (Double.isFinite(px) && px > 0) heights.add(px / shareNow);
        }
        if (heights.isEmpty()) return null;
        // Only the tall ones are standing: a squat seen from the front keeps its knees "straight" in the image.
        double[] all = heights.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double tallest = all[(int) Math.floor(TALL_PERCENTILE * (all.length - 1))];
        double[] h = java.util.Arrays.stream(all).filter(v -> v >= TALL_SHARE * tallest).toArray();
        double median = h.length % 2 == 1 ? h[h.length / 2] : 0.5 * (h[h.length / 2 - 1] + h[h.length / 2]);
        String method = String.format(Locale.ROOT, "standing height %.0f px: median over %d upright frame%s of %d (eyes to %s ÷ %.3f)",
                median, h.length, h.length == 1 ? "" : "s", s.length(), feet ? "soles" : "ankles", share);
        return new Measurement(median, h.length, s.length(), method);
    }

    /** Knees and hips nearly straight and the trunk nearly vertical, on whichever side is seen (both when both are). */
    static boolean upright(KeypointSeries s, int i) {
        int sides = 0;
        for (String side : new String[]{"left_", "right_"}) {
            int sh = s.skeleton().indexOf(side + "shoulder"), hip = s.skeleton().indexOf(side + "hip"),
                    knee = s.skeleton().indexOf(side + "knee"), ankle = s.skeleton().indexOf(side + "ankle");
            if (sh < 0 || hip < 0 || knee < 0 || ankle < 0) return false;
            if (s.isGap(sh, i) || s.isGap(hip, i) || s.isGap(knee, i) || s.isGap(ankle, i)) continue;
            if (bend(s, i, hip, knee, ankle) > STRAIGHT_DEG || bend(s, i, sh, hip, knee) > STRAIGHT_DEG) return false;
            double dx = s.x().get(sh, i) - s.x().get(hip, i), dy = s.y().get(hip, i) - s.y().get(sh, i);
            if (dy <= 0 || Math.toDegrees(Math.atan2(Math.abs(dx), dy)) > UPRIGHT_TRUNK_DEG) return false;
            sides++;
        }
        return sides > 0;
    }

    /** How far the chain a–b–c bends away from a straight line at b, in degrees (0 = straight). */
    private static double bend(KeypointSeries s, int i, int a, int b, int c) {
        double ux = s.x().get(a, i) - s.x().get(b, i), uy = s.y().get(a, i) - s.y().get(b, i);
        double vx = s.x().get(c, i) - s.x().get(b, i), vy = s.y().get(c, i) - s.y().get(b, i);
        double cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
        return 180 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static double mean(KeypointSeries s, int i, int a, int b) {
        boolean okA = a >= 0 && !s.isGap(a, i), okB = b >= 0 && !s.isGap(b, i);
        if (okA && okB) return 0.5 * (s.y().get(a, i) + s.y().get(b, i));
        if (okA) return s.y().get(a, i);
        if (okB) return s.y().get(b, i);
        return Double.NaN;
    }

    private static int[] indices(KeypointSeries s, String... names) {
        return Arrays.stream(names).mapToInt(s.skeleton()::indexOf).filter(k -> k >= 0).toArray();
    }
}
