package org.poseanalytics.kinematics.synthetic;

import java.util.List;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Builds BlazePose-33 bodies with exactly known angles (test truth), in a y-up world frame, and views them:
 * as BlazePose world landmarks (optionally turned by any rotation) and as orthographic images from the side,
 * front or back, scaled, moved and turned in the image plane.
 */
public final class SyntheticBody {
    public enum View { SIDE_FACING_RIGHT, SIDE_FACING_LEFT, FRONT, BACK }

    private static final Skeleton SK = Skeleton.BLAZEPOSE_33;

    private SyntheticBody() {}

    /** The 33 landmarks in a y-up world frame, pelvis centre at {@code pelvis}, the person facing {@code yawDeg} (0 = the camera). */
    public static Vec3[] build(BodyPose a, double yawDeg, Vec3 pelvis) {
        double yaw = Math.toRadians(yawDeg);
        Vec3 upW = Vec3.UP;
        Vec3 fwdW = new Vec3(Math.sin(yaw), 0, Math.cos(yaw));
        Vec3 leftW = upW.cross(fwdW);
        Vec3 trunkUp = fwdW.times(tan(a.trunkLeanSagittal())).plus(leftW.times(-tan(a.trunkLeanFrontal()))).plus(upW).unit();
        Vec3 hipLine = leftW.times(cos(a.pelvicTiltFrontal())).plus(upW.times(sin(a.pelvicTiltFrontal())));
        Vec3 left = hipLine.without(trunkUp).unit();
        Vec3 fwd = left.cross(trunkUp);
        Vec3[] p = new Vec3[33];
        Vec3 shoulderMid = pelvis.plus(trunkUp.times(0.5));
        put(p, "left_hip", pelvis.plus(hipLine.times(0.1)));
        put(p, "right_hip", pelvis.minus(hipLine.times(0.1)));
        put(p, "left_shoulder", shoulderMid.plus(left.times(0.18)));
        put(p, "right_shoulder", shoulderMid.minus(left.times(0.18)));
        Vec3 head = shoulderMid.plus(trunkUp.times(0.25));
        put(p, "nose", head.plus(fwd.times(0.09)));
        for (String n : List.of("eye_inner", "eye", "eye_outer")) {
            put(p, "left_" + n, head.plus(fwd.times(0.07)).plus(left.times(0.03)).plus(trunkUp.times(0.03)));
            put(p, "right_" + n, head.plus(fwd.times(0.07)).minus(left.times(0.03)).plus(trunkUp.times(0.03)));
        }
        put(p, "left_ear", head.plus(left.times(0.07)));
        put(p, "right_ear", head.minus(left.times(0.07)));
        put(p, "mouth_left", head.plus(fwd.times(0.08)).plus(left.times(0.02)).minus(trunkUp.times(0.04)));
        put(p, "mouth_right", head.plus(fwd.times(0.08)).minus(left.times(0.02)).minus(trunkUp.times(0.04)));
        for (int s = 0; s < 2; s++) {
            String side = s == 0 ? "left_" : "right_";
            Vec3 out = s == 0 ? left : left.times(-1);
            // Leg: thigh and shank directions from their sagittal and frontal projection angles.
            Vec3 thigh = planar(a.hipFlexion()[s], a.hipAbduction()[s], fwd, out, trunkUp);
            Vec3 shank = planar(a.hipFlexion()[s] - a.kneeFlexion()[s], a.hipAbduction()[s] + a.kneeValgus()[s], fwd, out, trunkUp);
            Vec3 hip = get(p, side + "hip"), knee = hip.plus(thigh.times(0.45)), ankle = knee.plus(shank.times(0.42));
            put(p, side + "knee", knee);
            put(p, side + "ankle", ankle);
            Vec3 shankUp = shank.times(-1);
            Vec3 neutralFoot = fwd.without(shankUp).unit();
            double df = Math.toRadians(a.ankleDorsiflexion()[s]);
            Vec3 foot = neutralFoot.times(Math.cos(df)).plus(shankUp.times(Math.sin(df)));
            Vec3 heel = ankle.minus(shankUp.times(0.05)).minus(neutralFoot.times(0.04));
            put(p, side + "heel", heel);
            put(p, side + "foot_index", heel.plus(foot.times(0.2)));
            // Arm: the forearm turns about the axis perpendicular to the arm's plane of motion, so the elbow angle
            // is exact in 3D and in the view that looks along that axis.
            double sf = a.shoulderFlexion()[s], sa = a.shoulderAbduction()[s];
            Vec3 arm = sa == 0 ? trunkUp.times(-cos(sf)).plus(fwd.times(sin(sf)))
                    : sf == 0 ? trunkUp.times(-cos(sa)).plus(out.times(sin(sa)))
                    : planar(sf, sa, fwd, out, trunkUp);
            Vec3 axis = (sa != 0 ? fwd : out).without(arm).unit();
            Vec3 forearm = rotate(arm, axis, a.elbowFlexion()[s]);
            Vec3 shoulder = get(p, side + "shoulder"), elbow = shoulder.plus(arm.times(0.3)), wrist = elbow.plus(forearm.times(0.26));
            put(p, side + "elbow", elbow);
            put(p, side + "wrist", wrist);
            for (String n : List.of("pinky", "index", "thumb")) put(p, side + n, wrist.plus(forearm.times(0.06)));
        }
        return p;
    }

    /** The body moved up or down so that its lowest heel or toe touches the ground (y = 0), as a real person stands. */
    public static Vec3[] grounded(Vec3[] body) {
        double lowest = Double.POSITIVE_INFINITY;
        for (String n : List.of("left_heel", "right_heel", "left_foot_index", "right_foot_index")) lowest = Math.min(lowest, get(body, n).y());
        Vec3 shift = new Vec3(0, -lowest, 0);
        Vec3[] out = new Vec3[body.length];
        for (int i = 0; i < body.length; i++) out[i] = body[i].plus(shift);
        return out;
    }

    /** BlazePose world coordinates (x right, y down, z away, origin between the hips) after rotating by {@code r} (row-major 3×3, or null). */
    public static double[][] world(Vec3[] body, double[][] r) {
        Vec3 origin = Vec3.mid(get(body, "left_hip"), get(body, "right_hip"));
        double[][] out = new double[33][];
        for (int i = 0; i < 33; i++) {
            Vec3 v = body[i].minus(origin);
            if (r != null) v = new Vec3(r[0][0] * v.x() + r[0][1] * v.y() + r[0][2] * v.z(),
                    r[1][0] * v.x() + r[1][1] * v.y() + r[1][2] * v.z(), r[2][0] * v.x() + r[2][1] * v.y() + r[2][2] * v.z());
            out[i] = new double[]{v.x(), -v.y(), -v.z()};
        }
        return out;
    }

    /**
     * The BlazePose world landmarks a camera gives that films {@code view} of a body built with {@code yawDeg}: the
     * same camera as {@link #image}, so the 2D and 3D views agree (x right, y down, z away from the camera; the
     * image roll is left out, it does not change any body angle or plane tilt).
     */
    public static double[][] world(Vec3[] body, double yawDeg, View view) {
        Vec3 right = horizontal(yawDeg, view), toward = right.cross(Vec3.UP);
        Vec3 origin = Vec3.mid(get(body, "left_hip"), get(body, "right_hip"));
        double[][] out = new double[33][];
        for (int i = 0; i < 33; i++) {
            Vec3 v = body[i].minus(origin);
            out[i] = new double[]{v.dot(right), -v.dot(Vec3.UP), -v.dot(toward)};
        }
        return out;
    }

    private static Vec3 horizontal(double yawDeg, View view) {
        double yaw = Math.toRadians(yawDeg);
        Vec3 fwdW = new Vec3(Math.sin(yaw), 0, Math.cos(yaw)), leftW = Vec3.UP.cross(fwdW);
        return switch (view) {
            case SIDE_FACING_RIGHT -> fwdW;
            case SIDE_FACING_LEFT -> fwdW.times(-1);
            case FRONT -> leftW;
            case BACK -> leftW.times(-1);
        };
    }

    /** Orthographic image in pixels (y down) from a view, scaled, moved to (cx, cy) and turned by rollDeg in the image. */
    public static double[][] image(Vec3[] body, double yawDeg, View view, double pxPerM, double cx, double cy, double rollDeg) {
        Vec3 horizontal = horizontal(yawDeg, view);
        double c = Math.cos(Math.toRadians(rollDeg)), s = Math.sin(Math.toRadians(rollDeg));
        double[][] out = new double[33][];
        for (int i = 0; i < 33; i++) {
            double u = body[i].dot(horizontal) * pxPerM, v = body[i].dot(Vec3.UP) * pxPerM;
            double ru = c * u - s * v, rv = s * u + c * v;
            out[i] = new double[]{cx + ru, cy - rv};
        }
        return out;
    }

    /**
     * A camera around the person, looking at the pelvis: {@code azimuthDeg} where it stands as seen from a person
     * built with yaw 0 (0 = in front, 90 = at their left, 180 = behind, −90 = at their right), raised by
     * {@code elevationDeg} and looking down at them; orthographic, {@code pxPerM} pixels per metre, the pelvis
     * centre at pixel (cx, cy).
     */
    public record Camera(double azimuthDeg, double elevationDeg, double pxPerM, double cx, double cy) {
        public static Camera at(double azimuthDeg) { return new Camera(azimuthDeg, 0, 400, 640, 500); }

        /** Unit vector from the person toward the camera (y-up world of {@link #build}). */
        Vec3 toward() {
            double az = Math.toRadians(azimuthDeg), el = Math.toRadians(elevationDeg);
            Vec3 fwd = new Vec3(0, 0, 1), left = Vec3.UP.cross(fwd);
            return fwd.times(Math.cos(az) * Math.cos(el)).plus(left.times(Math.sin(az) * Math.cos(el))).plus(Vec3.UP.times(Math.sin(el)));
        }

        Vec3 right() { return Vec3.UP.cross(toward()).unit(); }

        Vec3 up() { return toward().cross(right()); }
    }

    /** What {@code camera} sees of a body built with yaw 0: image keypoints in pixels (y down). */
    public static double[][] imageFrom(Vec3[] body, Camera camera) {
        Vec3 right = camera.right(), up = camera.up();
        Vec3 pelvis = Vec3.mid(get(body, "left_hip"), get(body, "right_hip"));
        double[][] out = new double[33][];
        for (int i = 0; i < 33; i++) {
            Vec3 v = body[i].minus(pelvis);
            out[i] = new double[]{camera.cx() + v.dot(right) * camera.pxPerM(), camera.cy() - v.dot(up) * camera.pxPerM()};
        }
        return out;
    }

    /** BlazePose world landmarks as the model gives them for {@code camera}: camera-aligned, x right, y down, z away from the camera. */
    public static double[][] worldFrom(Vec3[] body, Camera camera) {
        Vec3 right = camera.right(), up = camera.up(), toward = camera.toward();
        Vec3 origin = Vec3.mid(get(body, "left_hip"), get(body, "right_hip"));
        double[][] out = new double[33][];
        for (int i = 0; i < 33; i++) {
            Vec3 v = body[i].minus(origin);
            out[i] = new double[]{v.dot(right), -v.dot(up), -v.dot(toward)};
        }
        return out;
    }

    /** A recording of poses (one per time) as {@code camera} sees them, with or without world landmarks. */
    public static KeypointSeries filmed(BodyPose[] poses, double[] timesS, Camera camera, boolean withWorld) {
        double[][][] images = new double[poses.length][][], worlds = withWorld ? new double[poses.length][][] : null;
        for (int i = 0; i < poses.length; i++) {
            Vec3[] body = build(poses[i], 0, new Vec3(0, 1, 0));
            images[i] = imageFrom(body, camera);
            if (withWorld) worlds[i] = worldFrom(body, camera);
        }
        return series(timesS, images, worlds);
    }

    /** A series from per-sample images ([sample][landmark][x,y]) and optional world landmarks. */
    public static KeypointSeries series(double[] timesS, double[][][] images, double[][][] worlds) {
        int n = timesS.length;
        long[] frames = new long[n];
        for (int i = 0; i < n; i++) frames[i] = i;
        KeypointSeries s = KeypointSeries.empty(SK, frames, timesS, worlds != null, "synthetic");
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 33; k++) {
                if (images[i] == null) continue;
                s.x().set(k, i, (float) images[i][k][0]);
                s.y().set(k, i, (float) images[i][k][1]);
                s.z().set(k, i, 0);
                s.visibility().set(k, i, 1);
                if (worlds != null && worlds[i] != null) {
                    s.worldX().set(k, i, (float) worlds[i][k][0]);
                    s.worldY().set(k, i, (float) worlds[i][k][1]);
                    s.worldZ().set(k, i, (float) worlds[i][k][2]);
                }
            }
        return s;
    }

    /** Rotation matrix about a unit axis (Rodrigues). */
    public static double[][] rotation(Vec3 axis, double deg) {
        Vec3 k = axis.unit();
        double t = Math.toRadians(deg), c = Math.cos(t), s = Math.sin(t), v = 1 - c;
        return new double[][]{
                {c + k.x() * k.x() * v, k.x() * k.y() * v - k.z() * s, k.x() * k.z() * v + k.y() * s},
                {k.y() * k.x() * v + k.z() * s, c + k.y() * k.y() * v, k.y() * k.z() * v - k.x() * s},
                {k.z() * k.x() * v - k.y() * s, k.z() * k.y() * v + k.x() * s, c + k.z() * k.z() * v}};
    }

    private static Vec3 planar(double sagittalDeg, double frontalDeg, Vec3 fwd, Vec3 out, Vec3 up) {
        return fwd.times(tan(sagittalDeg)).plus(out.times(tan(frontalDeg))).minus(up).unit();
    }

    private static Vec3 rotate(Vec3 v, Vec3 axis, double deg) {
        double t = Math.toRadians(deg);
        return v.times(Math.cos(t)).plus(axis.cross(v).times(Math.sin(t))).plus(axis.times(axis.dot(v) * (1 - Math.cos(t))));
    }

    private static void put(Vec3[] p, String name, Vec3 v) { p[SK.indexOf(name)] = v; }

    private static Vec3 get(Vec3[] p, String name) { return p[SK.indexOf(name)]; }

    private static double tan(double deg) { return Math.tan(Math.toRadians(deg)); }

    private static double sin(double deg) { return Math.sin(Math.toRadians(deg)); }

    private static double cos(double deg) { return Math.cos(Math.toRadians(deg)); }
}
