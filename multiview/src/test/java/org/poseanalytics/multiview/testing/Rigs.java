package org.poseanalytics.multiview.testing;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;

/** Camera rigs for tests: cameras placed around a capture volume in a Z-up world (metres), aimed at a point. */
public final class Rigs {
    private Rigs() {}

    /** Typical phone-like distortion (k1 k2 p1 p2 k3). */
    public static final double[] PHONE_DISTORTION = {-0.12, 0.05, 0.001, -0.0008, -0.01};

    /**
     * A camera at {@code position} looking at {@code target}, its image x axis level (horizontal) and y pointing
     * down the world's Z.
     */
    public static Camera lookAt(String name, double[] position, double[] target, int width, int height, double f, double[] distortion) {
        double[] z = unit(sub(target, position));
        double[] x = unit(cross(z, new double[]{0, 0, 1}));
        double[] y = cross(z, x);
        double[] r = {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]};
        double[] t = {-dot(x, position), -dot(y, position), -dot(z, position)};
        double[] k = {f, 0, width / 2.0 - 0.5 + 7, 0, f * 1.002, height / 2.0 - 0.5 - 5, 0, 0, 1};
        return new Camera(name, width, height, k, distortion, r, t);
    }

    /** n cameras (2..4) on a circle of radius 3.5 m at 1.2 m high, spread over 200° around a subject at the origin. */
    public static Calibration ring(int n, double[] distortion) {
        List<Camera> cams = new ArrayList<>();
        double[] azimuthsDeg = switch (n) {
            case 2 -> new double[]{-40, 50};
            case 3 -> new double[]{-60, 10, 80};
            case 4 -> new double[]{-80, -20, 40, 110};
            default -> throw new IllegalArgumentException("2..4 cameras");
        };
        for (int i = 0; i < n; i++) {
            double a = Math.toRadians(azimuthsDeg[i]);
            double[] pos = {3.5 * Math.cos(a), 3.5 * Math.sin(a), 1.2};
            cams.add(lookAt("cam_" + (i + 1), pos, new double[]{0, 0, 0.9}, 1920, 1080, 1400 + 60 * i, distortion));
        }
        return new Calibration(cams, Calibration.Z_UP, "synthetic ring");
    }

    public static double[] sub(double[] a, double[] b) { return new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    public static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    public static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return new double[]{a[0] / n, a[1] / n, a[2] / n};
    }

    public static double dist(double[] a, double[] b) { return Math.sqrt(dot(sub(a, b), sub(a, b))); }
}
