package org.poseanalytics.multiview.calibration;

import java.util.Arrays;

/**
 * One calibrated camera in OpenCV's pinhole model: a world point X goes to the camera frame as {@code R·X + t}
 * (x right, y down, z forward, metres), is divided by its depth, distorted with OpenCV's five coefficients
 * (k1, k2, p1, p2, k3: radial and tangential) and mapped to pixels by K.
 *
 * @param name       the camera's name as the calibration file gives it
 * @param width      image width in pixels the intrinsics belong to
 * @param height     image height in pixels
 * @param k          intrinsics, 3×3 row-major (fx, skew, cx; 0, fy, cy; 0, 0, 1)
 * @param distortion k1, k2, p1, p2, k3 (shorter arrays are padded with zeros)
 * @param r          world → camera rotation, 3×3 row-major
 * @param t          world → camera translation in metres
 */
public record Camera(String name, int width, int height, double[] k, double[] distortion, double[] r, double[] t) {

    public Camera {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a camera needs a name");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("camera " + name + ": image size must be positive, got " + width + "x" + height);
        if (k == null || k.length != 9) throw new IllegalArgumentException("camera " + name + ": K must be 3x3 (9 values)");
        if (!(k[0] > 0) || !(k[4] > 0)) throw new IllegalArgumentException("camera " + name + ": focal lengths must be positive, got fx=" + k[0] + " fy=" + k[4]);
        if (r == null || r.length != 9) throw new IllegalArgumentException("camera " + name + ": R must be 3x3 (9 values)");
        if (t == null || t.length != 3) throw new IllegalArgumentException("camera " + name + ": t must have 3 values");
        if (distortion == null) distortion = new double[0];
        if (distortion.length > 5) {
            for (int i = 5; i < distortion.length; i++)
                if (distortion[i] != 0) throw new IllegalArgumentException("camera " + name + ": only the 5-coefficient distortion model (k1 k2 p1 p2 k3) is supported, got " + distortion.length + " non-zero coefficients");
        }
        for (double[] a : new double[][]{k, distortion, r, t})
            for (double v : a) if (!Double.isFinite(v)) throw new IllegalArgumentException("camera " + name + ": calibration values must be finite numbers");
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        if (Math.abs(det - 1) > 1e-3) throw new IllegalArgumentException("camera " + name + ": R is not a rotation (determinant " + det + ")");
        k = k.clone();
        distortion = Arrays.copyOf(distortion, 5);
        r = r.clone();
        t = t.clone();
    }

    /** A camera from a Rodrigues rotation vector, as Pose2Sim, Anipose and OpenCV files store it. */
    public static Camera ofRodrigues(String name, int width, int height, double[] k, double[] distortion, double[] rvec, double[] t) {
        return new Camera(name, width, height, k, distortion, Rotations.fromRodrigues(rvec), t);
    }

    public double fx() { return k[0]; }

    public double fy() { return k[4]; }

    public double cx() { return k[2]; }

    public double cy() { return k[5]; }

    public double skew() { return k[1]; }

    public double[] rodrigues() { return Rotations.toRodrigues(r); }

    /** The camera's optical centre in world coordinates (metres): −Rᵀt. */
    public double[] centre() {
        double[] c = Rotations.apply(Rotations.transpose(r), t);
        return new double[]{-c[0], -c[1], -c[2]};
    }

    /** A world point in this camera's frame (metres). */
    public double[] toCamera(double[] world) {
        double[] c = Rotations.apply(r, world);
        return new double[]{c[0] + t[0], c[1] + t[1], c[2] + t[2]};
    }

    /** Pixel position of a world point, lens distortion applied; NaN when the point is not in front of the camera. */
    public double[] project(double[] world) {
        double[] c = toCamera(world);
        if (!(c[2] > 1e-9)) return new double[]{Double.NaN, Double.NaN};
        double[] d = distort(c[0] / c[2], c[1] / c[2]);
        return toPixel(d[0], d[1]);
    }

    /** Normalised image coordinates (x/z, y/z) → distorted normalised coordinates, OpenCV's model. */
    public double[] distort(double x, double y) {
        double k1 = distortion[0], k2 = distortion[1], p1 = distortion[2], p2 = distortion[3], k3 = distortion[4];
        double r2 = x * x + y * y;
        double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
        return new double[]{x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x),
                y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y};
    }

    public double[] toPixel(double xd, double yd) {
        return new double[]{k[0] * xd + k[1] * yd + k[2], k[4] * yd + k[5]};
    }

    /**
     * The undistorted normalised coordinates of a pixel: the inverse of {@link #distort} by Newton's method on the
     * 2×2 Jacobian (OpenCV's {@code undistortPoints} uses a fixed-point iteration; both agree to well below a
     * hundredth of a pixel inside the calibrated field of view, which a test checks).
     */
    public double[] undistort(double u, double v) {
        double yd = (v - k[5]) / k[4];
        double xd = (u - k[2] - k[1] * yd) / k[0];
        if (!Double.isFinite(xd) || !Double.isFinite(yd)) return new double[]{Double.NaN, Double.NaN};
        double x = xd, y = yd;
        for (int it = 0; it < 50; it++) {
            double[] f = distort(x, y);
            double ex = f[0] - xd, ey = f[1] - yd;
            if (ex * ex + ey * ey < 1e-24) break;
            double h = 1e-7;
            double[] fx = distort(x + h, y), fy = distort(x, y + h);
            double a = (fx[0] - f[0]) / h, b = (fy[0] - f[0]) / h, c = (fx[1] - f[1]) / h, d = (fy[1] - f[1]) / h;
            double det = a * d - b * c;
            if (Math.abs(det) < 1e-12) return new double[]{Double.NaN, Double.NaN};
            x -= (d * ex - b * ey) / det;
            y -= (-c * ex + a * ey) / det;
        }
        return new double[]{x, y};
    }

    /** This camera with intrinsics scaled to another image size of the same aspect ratio (videos recorded at another resolution). */
    public Camera resizedTo(int newWidth, int newHeight) {
        double sx = newWidth / (double) width, sy = newHeight / (double) height;
        double[] k2 = k.clone();
        k2[0] *= sx; k2[1] *= sx; k2[2] = (k[2] + 0.5) * sx - 0.5;
        k2[4] *= sy; k2[5] = (k[5] + 0.5) * sy - 0.5;
        return new Camera(name, newWidth, newHeight, k2, distortion, r, t);
    }

    /** The same camera under another name (calibration files name cameras; videos decide which is which). */
    public Camera named(String newName) { return new Camera(newName, width, height, k, distortion, r, t); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Camera c && name.equals(c.name) && width == c.width && height == c.height && Arrays.equals(k, c.k)
                && Arrays.equals(distortion, c.distortion) && Arrays.equals(r, c.r) && Arrays.equals(t, c.t);
    }

    @Override
    public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(t); }

    @Override
    public String toString() {
        return "Camera[" + name + " " + width + "x" + height + " f=" + k[0] + "," + k[4] + " c=" + k[2] + "," + k[5]
                + " dist=" + Arrays.toString(distortion) + " t=" + Arrays.toString(t) + "]";
    }
}
