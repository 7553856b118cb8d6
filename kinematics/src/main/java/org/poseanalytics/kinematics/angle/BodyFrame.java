package org.poseanalytics.kinematics.angle;

/**
 * The axes that planar angles are measured against, for one sample.
 *
 * <p>{@code up} is the trunk axis (mid-hip to mid-shoulder), {@code left} the person's left (the hip line made
 * perpendicular to the trunk), {@code forward} = left × up. {@code worldUp}, {@code forwardLevel} and
 * {@code leftLevel} are the same directions made level with the ground, for the measures that are relative to
 * gravity (trunk lean, pelvic tilt); in 3D "vertical" is the world landmarks' y axis, so those two assume a
 * level camera.
 *
 * <p>In the image plane the forward and left directions are both the image direction perpendicular to the
 * trunk; which way they point comes from session-wide signs ({@link ViewSigns}): a side view tells forward
 * from back, a front view tells left from right, and an angle in the other plane is meaningless in that view.
 */
public record BodyFrame(Vec3 up, Vec3 forward, Vec3 left, Vec3 worldUp, Vec3 forwardLevel, Vec3 leftLevel) {

    /** The frame from world landmarks, or null when hips or shoulders are missing. */
    public static BodyFrame of3d(Landmarks p) {
        Vec3 lh = p.get("left_hip"), rh = p.get("right_hip"), ls = p.get("left_shoulder"), rs = p.get("right_shoulder");
        if (lh == null || rh == null || ls == null || rs == null) return null;
        Vec3 up = Vec3.mid(ls, rs).minus(Vec3.mid(lh, rh)).unit();
        if (up == null) return null;
        Vec3 left = lh.minus(rh).without(up).unit();
        if (left == null) return null;
        Vec3 forward = left.cross(up);
        Vec3 forwardLevel = forward.without(Vec3.UP).unit();
        if (forwardLevel == null) return null;
        Vec3 leftLevel = Vec3.UP.cross(forwardLevel);
        return new BodyFrame(up, forward, left, Vec3.UP, forwardLevel, leftLevel);
    }

    /** The frame in the image plane, or null when hips or shoulders are missing. */
    public static BodyFrame of2d(Landmarks p, ViewSigns signs) {
        Vec3 lh = p.get("left_hip"), rh = p.get("right_hip"), ls = p.get("left_shoulder"), rs = p.get("right_shoulder");
        if (lh == null || rh == null || ls == null || rs == null) return null;
        Vec3 up = Vec3.mid(ls, rs).minus(Vec3.mid(lh, rh)).unit();
        if (up == null) return null;
        Vec3 perp = new Vec3(up.y(), -up.x(), 0); // up turned 90° clockwise in the image
        Vec3 imageRight = new Vec3(1, 0, 0);
        return new BodyFrame(up, perp.times(signs.facing()), perp.times(signs.leftOnImageRight()), Vec3.UP,
                imageRight.times(signs.facing()), imageRight.times(signs.leftOnImageRight()));
    }

    /** The lateral direction of one side: the person's left for LEFT, right for RIGHT. */
    public Vec3 outward(Side side) { return side == Side.RIGHT ? left.times(-1) : left; }

    public Vec3 down() { return up.times(-1); }
}
