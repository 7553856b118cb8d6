package org.poseanalytics.kinematics.correction;

import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A person filmed from the side squatting, as 2D keypoints with exactly known knee flexion: 30 fps, 640 × 480, both
 * legs the same (the far leg 6 px behind). {@code knee(t)} gives the true knee flexion in degrees; a "glitch" moves the
 * model's knees forward on some frames, as a pose model does when it loses a knee, without the person bending.
 */
public final class SideViewSquats {
    public static final int LEG_PX = 90;
    private static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    private SideViewSquats() {}

    /** Two squats to 90° (0.5–2.5 s and 3–5 s), standing straight otherwise, over {@code frames} frames. */
    public static double trueKneeFlexion(double t) {
        if (t >= 0.5 && t <= 2.5) return 45 * (1 - Math.cos(Math.PI * (t - 0.5)));
        if (t >= 3 && t <= 5) return 45 * (1 - Math.cos(Math.PI * (t - 3)));
        return 0;
    }

    /**
     * The series the model would give: the true pose, except that on frames {@code glitchFrom..glitchTo} both knees are
     * pushed forward by up to {@code glitchPx} (a sine bump) while the hips and ankles stay where they are.
     */
    public static KeypointSeries series(int frames, int glitchFrom, int glitchTo, double glitchPx) {
        long[] f = new long[frames];
        double[] t = new double[frames];
        for (int i = 0; i < frames; i++) { f[i] = i; t[i] = i / 30.0; }
        KeypointSeries s = KeypointSeries.empty(SK, f, t, false, "hampel+butterworth-4-6hz");
        for (int i = 0; i < frames; i++) {
            double bump = i >= glitchFrom && i <= glitchTo ? glitchPx * Math.sin(Math.PI * (i - glitchFrom) / (glitchTo - glitchFrom)) : 0;
            pose(s, i, trueKneeFlexion(t[i]), bump);
        }
        return s;
    }

    /** Where the near (left) knee truly is on frame i. */
    public static double[] trueKnee(KeypointSeries s, int i) {
        double a = Math.toRadians(trueKneeFlexion(s.timesS()[i]) / 2);
        return new double[] {320 + LEG_PX * Math.sin(a), 420 - LEG_PX * Math.cos(a)};
    }

    private static void pose(KeypointSeries s, int i, double kneeDeg, double bumpPx) {
        double a = Math.toRadians(kneeDeg / 2);
        for (int side = 0; side < 2; side++) {
            String p = side == 0 ? "left_" : "right_";
            double dx = side == 0 ? 0 : -6;
            double ax = 320 + dx, ay = 420;
            double kx = ax + LEG_PX * Math.sin(a), ky = ay - LEG_PX * Math.cos(a);
            double hx = kx - LEG_PX * Math.sin(a), hy = ky - LEG_PX * Math.cos(a);
            double sx = hx + 4, sy = hy - 110;
            set(s, i, p + "ankle", ax, ay);
            set(s, i, p + "heel", ax - 10, ay + 8);
            set(s, i, p + "foot_index", ax + 25, ay + 8);
            set(s, i, p + "knee", kx + bumpPx, ky);
            set(s, i, p + "hip", hx, hy);
            set(s, i, p + "shoulder", sx, sy);
            set(s, i, p + "elbow", sx + 2, sy + 55);
            set(s, i, p + "wrist", sx + 4, sy + 105);
            for (String h : new String[] {"pinky", "index", "thumb"}) set(s, i, p + h, sx + 5, sy + 115);
            set(s, i, p + "ear", sx - 2, sy - 30);
            for (String e : new String[] {"eye_inner", "eye", "eye_outer"}) set(s, i, p + e, sx + 12, sy - 38);
        }
        double hx = s.x().get(SK.indexOf("left_shoulder"), i);
        double hy = s.y().get(SK.indexOf("left_shoulder"), i);
        set(s, i, "nose", hx + 18, hy - 32);
        set(s, i, "mouth_left", hx + 14, hy - 22);
        set(s, i, "mouth_right", hx + 14, hy - 22);
    }

    private static void set(KeypointSeries s, int i, String name, double x, double y) {
        int l = SK.indexOf(name);
        s.x().set(l, i, (float) x);
        s.y().set(l, i, (float) y);
        s.z().set(l, i, 0);
        s.visibility().set(l, i, 0.95f);
    }
}
