package org.poseanalytics.tracking.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * A BlazePose-33 stick figure squatting (knee flexion known exactly at every time) while its feet slide
 * sideways at a constant speed: the ground truth for tracking tests. The 2D hip-knee-ankle angle of each leg
 * equals {@link #kneeFlexionDeg(double)} by construction.
 */
public record SyntheticPerson(double footX, double footY, double heightPx, double speedPxPerS,
                              double romDeg, double squatHz, double phase) {

    public static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    public double kneeFlexionDeg(double t) {
        return romDeg / 2 * (1 - Math.cos(2 * Math.PI * squatHz * t + phase));
    }

    /** True landmark positions [33][2] at time t. */
    public double[][] truth(double t) {
        double h = heightPx;
        double cx = footX + speedPxPerS * t;
        double a = Math.toRadians(kneeFlexionDeg(t)) / 2;
        double shank = 0.25 * h, thigh = 0.25 * h, half = 0.08 * h;
        double[][] p = new double[33][2];
        double hipY = 0;
        for (int side = 0; side < 2; side++) {
            double sx = cx + (side == 0 ? half : -half); // person's left is image right (facing the camera)
            double ankleX = sx, ankleY = footY;
            double kneeX = ankleX + shank * Math.sin(a), kneeY = ankleY - shank * Math.cos(a);
            double hx = kneeX - thigh * Math.sin(a), hy = kneeY - thigh * Math.cos(a);
            set(p, side == 0 ? "left_ankle" : "right_ankle", ankleX, ankleY);
            set(p, side == 0 ? "left_knee" : "right_knee", kneeX, kneeY);
            set(p, side == 0 ? "left_hip" : "right_hip", hx, hy);
            set(p, side == 0 ? "left_heel" : "right_heel", ankleX - 0.03 * h, ankleY + 0.02 * h);
            set(p, side == 0 ? "left_foot_index" : "right_foot_index", ankleX + 0.08 * h, ankleY + 0.02 * h);
            hipY = hy;
        }
        double midX = cx; // equal thigh and shank keep the hips above the ankles
        double lean = 0.6 * a;
        double shX = midX - 0.3 * h * Math.sin(lean), shY = hipY - 0.3 * h * Math.cos(lean);
        double sw = 0.1 * h;
        set(p, "left_shoulder", shX + sw, shY);
        set(p, "right_shoulder", shX - sw, shY);
        for (int side = 0; side < 2; side++) {
            String s = side == 0 ? "left_" : "right_";
            double ox = shX + (side == 0 ? sw : -sw) + (side == 0 ? 0.02 : -0.02) * h;
            set(p, s + "elbow", ox, shY + 0.15 * h);
            set(p, s + "wrist", ox + 0.01 * h, shY + 0.28 * h);
            set(p, s + "pinky", ox + 0.02 * h, shY + 0.31 * h);
            set(p, s + "index", ox + 0.0 * h, shY + 0.32 * h);
            set(p, s + "thumb", ox - 0.01 * h, shY + 0.30 * h);
        }
        double headY = shY - 0.12 * h;
        set(p, "nose", shX, headY);
        set(p, "left_eye_inner", shX + 0.01 * h, headY - 0.02 * h);
        set(p, "left_eye", shX + 0.02 * h, headY - 0.02 * h);
        set(p, "left_eye_outer", shX + 0.03 * h, headY - 0.02 * h);
        set(p, "right_eye_inner", shX - 0.01 * h, headY - 0.02 * h);
        set(p, "right_eye", shX - 0.02 * h, headY - 0.02 * h);
        set(p, "right_eye_outer", shX - 0.03 * h, headY - 0.02 * h);
        set(p, "left_ear", shX + 0.05 * h, headY - 0.01 * h);
        set(p, "right_ear", shX - 0.05 * h, headY - 0.01 * h);
        set(p, "mouth_left", shX + 0.015 * h, headY + 0.02 * h);
        set(p, "mouth_right", shX - 0.015 * h, headY + 0.02 * h);
        return p;
    }

    private static void set(double[][] p, String name, double x, double y) {
        int i = SK.indexOf(name);
        p[i][0] = x;
        p[i][1] = y;
    }

    /** A detection of this person: truth plus Gaussian noise, every keypoint fully visible. */
    public PersonPose pose(double t, double noisePx, double score, Random rnd) {
        double[][] p = truth(t);
        List<Keypoint> kps = new ArrayList<>();
        for (double[] q : p) kps.add(new Keypoint(q[0] + noisePx * rnd.nextGaussian(), q[1] + noisePx * rnd.nextGaussian(), 0, 0.95, 0.95));
        return new PersonPose(SK, kps, List.of(), box(kps), score);
    }

    public static BoundingBox box(List<Keypoint> kps) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Keypoint k : kps) {
            if (k.isMissing()) continue;
            minX = Math.min(minX, k.x()); maxX = Math.max(maxX, k.x());
            minY = Math.min(minY, k.y()); maxY = Math.max(maxY, k.y());
        }
        double padX = 0.1 * (maxX - minX), padY = 0.05 * (maxY - minY);
        return new BoundingBox(minX - padX, minY - padY, maxX - minX + 2 * padX, maxY - minY + 2 * padY);
    }

    /** Knee flexion in degrees from a 2D hip-knee-ankle triple (0 = straight). */
    public static double kneeFlexion(double hx, double hy, double kx, double ky, double ax, double ay) {
        double ux = hx - kx, uy = hy - ky, vx = ax - kx, vy = ay - ky;
        double cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
        return 180 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** Mean squared second difference divided by dt² (px/s²)², over samples where all three are present. */
    public static double meanSquaredAcceleration(double[] t, double[] v) {
        double sum = 0;
        int n = 0;
        for (int i = 1; i + 1 < v.length; i++) {
            if (!Double.isFinite(v[i - 1]) || !Double.isFinite(v[i]) || !Double.isFinite(v[i + 1])) continue;
            double dt1 = t[i] - t[i - 1], dt2 = t[i + 1] - t[i];
            double acc = ((v[i + 1] - v[i]) / dt2 - (v[i] - v[i - 1]) / dt1) / (0.5 * (dt1 + dt2));
            sum += acc * acc;
            n++;
        }
        return sum / n;
    }
}
