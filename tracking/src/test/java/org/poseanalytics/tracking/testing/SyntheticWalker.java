package org.poseanalytics.tracking.testing;

import java.util.Random;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A BlazePose-33 stick figure walking to the right, filmed from the side: legs swing in antiphase (thigh
 * ±{@code swingDeg} from vertical, knee bending in swing), arms swing against the legs. Built in 3D (x forward,
 * y down, z to the person's left) and projected orthographically from a camera {@code azimuthDeg} away from a
 * pure side view: at 0° the left and right hips coincide and the legs overlap at every mid-stance; at 30° the
 * hips lie 0.08 × height apart, as in the 50–74° lab cameras of issue #12.
 */
public record SyntheticWalker(double heightPx, double speedPxPerS, double strideHz, double swingDeg, double azimuthDeg) {

    public static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    /** True landmark positions [33][2] at time t. */
    public double[][] truth(double t) {
        double h = heightPx;
        double[][] p = new double[33][2];
        double psi = Math.toRadians(azimuthDeg);
        double hipX = 200 + speedPxPerS * t, hipY = 600 - 0.5 * h;
        double thigh = 0.25 * h, shank = 0.25 * h;
        double phase = 2 * Math.PI * strideHz * t;
        for (int side = 0; side < 2; side++) {
            String s = side == 0 ? "left_" : "right_";
            double z = (side == 0 ? 1 : -1) * 0.08 * h;
            double ph = phase + side * Math.PI;
            double a = Math.toRadians(swingDeg) * Math.sin(ph);                   // thigh from vertical, + forward
            double knee = Math.toRadians(5 + 30 * Math.max(0, Math.cos(ph)));     // bends while swinging forward
            double kx = hipX + thigh * Math.sin(a), ky = hipY + thigh * Math.cos(a);
            double sa = a - knee;
            double ax = kx + shank * Math.sin(sa), ay = ky + shank * Math.cos(sa);
            set(p, s + "hip", hipX, z, hipY, psi);
            set(p, s + "knee", kx, z, ky, psi);
            set(p, s + "ankle", ax, z, ay, psi);
            set(p, s + "heel", ax - 0.04 * h, z, ay + 0.03 * h, psi);
            set(p, s + "foot_index", ax + 0.1 * h, z, ay + 0.03 * h, psi);
            double shY = hipY - 0.3 * h, zs = (side == 0 ? 1 : -1) * 0.1 * h;
            double arm = -0.6 * a;                                                  // arms swing against the legs
            double ex = hipX + 0.15 * h * Math.sin(arm), ey = shY + 0.15 * h * Math.cos(arm);
            double fa = arm + Math.toRadians(20);
            double wx = ex + 0.13 * h * Math.sin(fa), wy = ey + 0.13 * h * Math.cos(fa);
            set(p, s + "shoulder", hipX, zs, shY, psi);
            set(p, s + "elbow", ex, zs, ey, psi);
            set(p, s + "wrist", wx, zs, wy, psi);
            set(p, s + "pinky", wx + 0.01 * h, zs, wy + 0.03 * h, psi);
            set(p, s + "index", wx + 0.02 * h, zs, wy + 0.035 * h, psi);
            set(p, s + "thumb", wx + 0.025 * h, zs, wy + 0.02 * h, psi);
            set(p, s + "eye", hipX + 0.04 * h, zs * 0.3, shY - 0.14 * h, psi);
            set(p, s + "eye_inner", hipX + 0.045 * h, zs * 0.15, shY - 0.14 * h, psi);
            set(p, s + "eye_outer", hipX + 0.035 * h, zs * 0.45, shY - 0.14 * h, psi);
            set(p, s + "ear", hipX, zs * 0.6, shY - 0.13 * h, psi);
            set(p, "mouth_" + (side == 0 ? "left" : "right"), hipX + 0.04 * h, zs * 0.2, shY - 0.1 * h, psi);
        }
        set(p, "nose", hipX + 0.06 * h, 0, shY(hipY, h) - 0.12 * h, psi);
        return p;
    }

    private static double shY(double hipY, double h) { return hipY - 0.3 * h; }

    private static void set(double[][] p, String name, double x, double z, double y, double psi) {
        int i = SK.indexOf(name);
        p[i][0] = x * Math.cos(psi) + z * Math.sin(psi);
        p[i][1] = y;
    }

    /** n samples at fps with Gaussian noise on every coordinate, every point seen (visibility 0.95). */
    public KeypointSeries series(int n, double fps, double noisePx, long seed) {
        Random rnd = new Random(seed);
        long[] frames = new long[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / fps; }
        KeypointSeries s = KeypointSeries.empty(SK, frames, t, false, "raw");
        for (int i = 0; i < n; i++) {
            double[][] q = truth(t[i]);
            for (int l = 0; l < q.length; l++) {
                s.x().set(l, i, (float) (q[l][0] + noisePx * rnd.nextGaussian()));
                s.y().set(l, i, (float) (q[l][1] + noisePx * rnd.nextGaussian()));
                s.z().set(l, i, 0);
                s.visibility().set(l, i, 0.95f);
            }
        }
        return s;
    }

    /** Horizontal distance in px between the left and right point of a pair at time t (how far apart the sides are). */
    public double separation(String pointWithoutSide, double t) {
        double[][] q = truth(t);
        int l = SK.indexOf("left_" + pointWithoutSide), r = SK.indexOf("right_" + pointWithoutSide);
        return Math.hypot(q[l][0] - q[r][0], q[l][1] - q[r][1]);
    }
}
