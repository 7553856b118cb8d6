package org.poseanalytics.kinematics.angle;

/**
 * A small 3-vector in a right-handed, y-up frame. Image points become (x, -y, 0) so that "up" means up in
 * both the image and the world; world landmarks become (x, -y, -z), a 180° turn about x that keeps the frame
 * right-handed.
 */
public record Vec3(double x, double y, double z) {

    public static Vec3 fromImage(double xPx, double yPx) { return new Vec3(xPx, -yPx, 0); }

    public static Vec3 fromBlazePoseWorld(double x, double y, double z) { return new Vec3(x, -y, -z); }

    public static final Vec3 UP = new Vec3(0, 1, 0);

    public Vec3 plus(Vec3 o) { return new Vec3(x + o.x, y + o.y, z + o.z); }

    public Vec3 minus(Vec3 o) { return new Vec3(x - o.x, y - o.y, z - o.z); }

    public Vec3 times(double s) { return new Vec3(x * s, y * s, z * s); }

    public double dot(Vec3 o) { return x * o.x + y * o.y + z * o.z; }

    public Vec3 cross(Vec3 o) { return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x); }

    public double norm() { return Math.sqrt(dot(this)); }

    /** The unit vector, or null when this vector is too short to have a direction. */
    public Vec3 unit() {
        double n = norm();
        return n > 1e-12 && Double.isFinite(n) ? times(1 / n) : null;
    }

    /** This vector without its component along the unit vector {@code axis}. */
    public Vec3 without(Vec3 axis) { return minus(axis.times(dot(axis))); }

    public static Vec3 mid(Vec3 a, Vec3 b) { return a.plus(b).times(0.5); }

    /** Unsigned angle between two vectors in degrees, 0..180. */
    public static double angleDeg(Vec3 a, Vec3 b) {
        // atan2 of |a×b| and a·b stays accurate near 0° and 180°, where acos loses precision.
        return Math.toDegrees(Math.atan2(a.cross(b).norm(), a.dot(b)));
    }

    /**
     * Angle of {@code v} in the plane spanned by the orthonormal {@code ref} and {@code toward}: 0 along ref,
     * +90 along toward, ±180 opposite ref. Components out of that plane are ignored (a planar projection).
     */
    public static double planeAngleDeg(Vec3 v, Vec3 ref, Vec3 toward) {
        return Math.toDegrees(Math.atan2(v.dot(toward), v.dot(ref)));
    }
}
