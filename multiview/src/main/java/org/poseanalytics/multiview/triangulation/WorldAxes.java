package org.poseanalytics.multiview.triangulation;

import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;

/**
 * From the calibration's world frame to the frame {@code KeypointSeries} world arrays use, so the kinematics'
 * 3D angle code runs unchanged on triangulated points. Those arrays follow BlazePose's world landmarks: x right,
 * y down, z away from the viewer, metres; kinematics turns them into a right-handed y-up frame as (x, −y, −z)
 * ({@code Vec3.fromBlazePoseWorld}).
 *
 * <p>Here that y-up frame is: Y = the calibration's up; X = the first camera's image x axis made level; Z = X × Y
 * (right-handed, pointing roughly back towards the first camera). So a triangulated point p is stored as
 * (X·p, −Y·p, −Z·p). Only the directions matter to angles; the origin stays the calibration's.
 */
public record WorldAxes(double[] x, double[] y, double[] z) {

    public static WorldAxes of(Calibration calibration) {
        double[] up = calibration.up();
        Camera first = calibration.camera(0);
        double[] camX = {first.r()[0], first.r()[1], first.r()[2]};
        double d = dot(camX, up);
        double[] x = {camX[0] - d * up[0], camX[1] - d * up[1], camX[2] - d * up[2]};
        double n = Math.sqrt(dot(x, x));
        if (n < 1e-6) {
            // The first camera looks straight up or down: any level direction will do.
            x = Math.abs(up[0]) < 0.9 ? new double[]{1, 0, 0} : new double[]{0, 1, 0};
            d = dot(x, up);
            x = new double[]{x[0] - d * up[0], x[1] - d * up[1], x[2] - d * up[2]};
            n = Math.sqrt(dot(x, x));
        }
        x = new double[]{x[0] / n, x[1] / n, x[2] / n};
        double[] z = cross(x, up);
        return new WorldAxes(x, up.clone(), z);
    }

    /** A calibration-world point as the series' world arrays hold it: (X·p, −Y·p, −Z·p). */
    public double[] toSeries(double[] p) {
        return new double[]{dot(x, p), -dot(y, p), -dot(z, p)};
    }

    /** The inverse of {@link #toSeries}. */
    public double[] fromSeries(double[] s) {
        double a = s[0], b = -s[1], c = -s[2];
        return new double[]{a * x[0] + b * y[0] + c * z[0], a * x[1] + b * y[1] + c * z[1], a * x[2] + b * y[2] + c * z[2]};
    }

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
