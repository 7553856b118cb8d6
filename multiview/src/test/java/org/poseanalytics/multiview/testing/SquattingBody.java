package org.poseanalytics.multiview.testing;

import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * A BlazePose-33 stick figure squatting in a Z-up world (metres), facing +X, its left towards +Y, standing at
 * {@code origin}: knee flexion {@code kneeDeg(t)} = 45° (1 − cos 2πft) from straight to {@code 2·45}° at the bottom
 * (both knees alike), shank tilted forward by 0.45 of it, thigh backward by 0.55, trunk forward by 0.4; arms raised
 * forward with the squat. Test truth for triangulation and 3D angles.
 */
public record SquattingBody(double[] origin, double squatHz, double yawDeg, boolean varying) {
    public static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    public SquattingBody(double[] origin, double squatHz, double yawDeg) { this(origin, squatHz, yawDeg, false); }

    public static SquattingBody atOrigin() { return new SquattingBody(new double[]{0, 0, 0}, 0.5, 0); }

    /** The same body with squats of changing depth and pace, as people do: no two stretches of movement alike. */
    public SquattingBody irregular() { return new SquattingBody(origin, squatHz, yawDeg, true); }

    /** True knee flexion in degrees at time t. */
    public double kneeDeg(double t) {
        if (!varying) return 45 * (1 - Math.cos(2 * Math.PI * squatHz * t));
        double phase = 2 * Math.PI * squatHz * (t + 0.3 * Math.sin(2 * Math.PI * 0.11 * t));
        return 45 * (1 - Math.cos(phase)) * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.17 * t + 1));
    }

    /** True hip flexion (thigh against trunk) in degrees. */
    public double hipDeg(double t) { return kneeDeg(t) * (0.55 + 0.4); }

    /** The 33 landmarks [33][3] at time t. */
    public double[][] at(double t) {
        double th = Math.toRadians(kneeDeg(t));
        double as = 0.45 * th, at = 0.55 * th, atr = 0.4 * th, arm = Math.toRadians(20) + 0.8 * th;
        double[][] p = new double[33][];
        for (int s = 0; s < 2; s++) {
            String side = s == 0 ? "left_" : "right_";
            double y = s == 0 ? 0.1 : -0.1;
            double[] ankle = {0, y, 0.08};
            double[] knee = {ankle[0] + 0.42 * Math.sin(as), y, ankle[2] + 0.42 * Math.cos(as)};
            double[] hip = {knee[0] - 0.45 * Math.sin(at), y, knee[2] + 0.45 * Math.cos(at)};
            put(p, side + "ankle", ankle);
            put(p, side + "knee", knee);
            put(p, side + "hip", hip);
            put(p, side + "heel", new double[]{-0.05, y, 0.02});
            put(p, side + "foot_index", new double[]{0.15, y, 0.01});
        }
        double[] hipMid = mid(get(p, "left_hip"), get(p, "right_hip"));
        double[] trunk = {Math.sin(atr), 0, Math.cos(atr)};
        double[] shoulderMid = add(hipMid, scale(trunk, 0.5));
        double[] head = add(shoulderMid, scale(trunk, 0.25));
        double[] fwd = {Math.cos(atr), 0, -Math.sin(atr)};
        for (int s = 0; s < 2; s++) {
            String side = s == 0 ? "left_" : "right_";
            double y = s == 0 ? 1 : -1;
            double[] sh = add(shoulderMid, new double[]{0, 0.18 * y, 0});
            double[] armDir = {Math.sin(arm), 0, -Math.cos(arm)};
            double[] el = add(sh, scale(armDir, 0.28));
            double[] wr = add(el, scale(armDir, 0.25));
            put(p, side + "shoulder", sh);
            put(p, side + "elbow", el);
            put(p, side + "wrist", wr);
            put(p, side + "pinky", add(wr, new double[]{0.06 * armDir[0], 0.02 * y, 0.06 * armDir[2]}));
            put(p, side + "index", add(wr, new double[]{0.08 * armDir[0], 0.01 * y, 0.08 * armDir[2]}));
            put(p, side + "thumb", add(wr, new double[]{0.05 * armDir[0], 0.04 * y, 0.05 * armDir[2]}));
            put(p, side + "ear", add(head, new double[]{0, 0.07 * y, 0}));
            put(p, side + "eye", add(add(head, scale(fwd, 0.07)), new double[]{0, 0.03 * y, 0.03}));
            put(p, side + "eye_inner", add(add(head, scale(fwd, 0.075)), new double[]{0, 0.015 * y, 0.03}));
            put(p, side + "eye_outer", add(add(head, scale(fwd, 0.065)), new double[]{0, 0.045 * y, 0.03}));
        }
        put(p, "mouth_left", add(add(head, scale(fwd, 0.08)), new double[]{0, 0.02, -0.04}));
        put(p, "mouth_right", add(add(head, scale(fwd, 0.08)), new double[]{0, -0.02, -0.04}));
        put(p, "nose", add(head, scale(fwd, 0.09)));
        double yaw = Math.toRadians(yawDeg), c = Math.cos(yaw), sn = Math.sin(yaw);
        for (int i = 0; i < 33; i++) {
            double x = p[i][0], y = p[i][1];
            p[i] = new double[]{origin[0] + c * x - sn * y, origin[1] + sn * x + c * y, origin[2] + p[i][2]};
        }
        return p;
    }

    private static void put(double[][] p, String name, double[] v) { p[SK.indexOf(name)] = v; }

    private static double[] get(double[][] p, String name) { return p[SK.indexOf(name)]; }

    static double[] add(double[] a, double[] b) { return new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    static double[] scale(double[] a, double s) { return new double[]{a[0] * s, a[1] * s, a[2] * s}; }

    static double[] mid(double[] a, double[] b) { return scale(add(a, b), 0.5); }
}
