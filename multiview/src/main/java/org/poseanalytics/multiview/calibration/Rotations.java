package org.poseanalytics.multiview.calibration;

/** Rotation helpers in the conventions calibration files use: 3×3 matrices row-major, Rodrigues vectors in radians. */
public final class Rotations {
    private Rotations() {}

    /** The rotation matrix (row-major) of a Rodrigues vector: axis × angle in radians, as OpenCV's {@code Rodrigues}. */
    public static double[] fromRodrigues(double[] r) {
        if (r.length != 3) throw new IllegalArgumentException("a Rodrigues vector has 3 values, got " + r.length);
        double theta = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        if (theta < 1e-12) return identity();
        double x = r[0] / theta, y = r[1] / theta, z = r[2] / theta;
        double c = Math.cos(theta), s = Math.sin(theta), v = 1 - c;
        return new double[]{
                c + x * x * v, x * y * v - z * s, x * z * v + y * s,
                y * x * v + z * s, c + y * y * v, y * z * v - x * s,
                z * x * v - y * s, z * y * v + x * s, c + z * z * v};
    }

    /** The Rodrigues vector of a rotation matrix (row-major). */
    public static double[] toRodrigues(double[] m) {
        double cos = Math.max(-1, Math.min(1, (m[0] + m[4] + m[8] - 1) / 2));
        double theta = Math.acos(cos);
        if (theta < 1e-12) return new double[3];
        if (Math.PI - theta < 1e-6) {
            // Near 180° the antisymmetric part vanishes: the axis is the column of R + I with the largest norm.
            double xx = Math.sqrt(Math.max(0, (m[0] + 1) / 2)), yy = Math.sqrt(Math.max(0, (m[4] + 1) / 2)), zz = Math.sqrt(Math.max(0, (m[8] + 1) / 2));
            if (xx >= yy && xx >= zz) { yy = Math.copySign(yy, m[1]); zz = Math.copySign(zz, m[2]); }
            else if (yy >= zz) { xx = Math.copySign(xx, m[1]); zz = Math.copySign(zz, m[5]); }
            else { xx = Math.copySign(xx, m[2]); yy = Math.copySign(yy, m[5]); }
            double n = Math.sqrt(xx * xx + yy * yy + zz * zz);
            return new double[]{xx / n * theta, yy / n * theta, zz / n * theta};
        }
        double k = theta / (2 * Math.sin(theta));
        return new double[]{(m[7] - m[5]) * k, (m[2] - m[6]) * k, (m[3] - m[1]) * k};
    }

    public static double[] identity() { return new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1}; }

    /** a · b for 3×3 row-major matrices. */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return c;
    }

    public static double[] transpose(double[] a) {
        return new double[]{a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    /** a · v for a 3×3 row-major matrix and a 3-vector. */
    public static double[] apply(double[] a, double[] v) {
        return new double[]{a[0] * v[0] + a[1] * v[1] + a[2] * v[2], a[3] * v[0] + a[4] * v[1] + a[5] * v[2],
                a[6] * v[0] + a[7] * v[1] + a[8] * v[2]};
    }

    /** The angle in degrees of the rotation that takes a to b. */
    public static double angleBetweenDeg(double[] a, double[] b) {
        double[] d = multiply(transpose(a), b);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (d[0] + d[4] + d[8] - 1) / 2))));
    }

    /** A rotation about a unit axis by an angle in degrees. */
    public static double[] about(double[] axis, double deg) {
        double a = Math.toRadians(deg);
        return fromRodrigues(new double[]{axis[0] * a, axis[1] * a, axis[2] * a});
    }
}
