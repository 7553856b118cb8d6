package org.poseanalytics.kinematics.angle;

import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Where the camera is relative to the body, per sample, from the pose itself: the angle between the body's sagittal
 * plane (normal: the person's left) and the image plane, the same for the frontal plane (normal: forward), and the
 * camera's azimuth around the person. It is geometry of the body frame, so it lives beside it; the view package
 * names the views from it and the quality stage tests each 2D angle's plane against it.
 *
 * <p>From world landmarks when the series has them: BlazePose world landmarks are camera-aligned (x right, y down,
 * z away from the camera), so the camera axis is z and the body frame's axes give both angles exactly. Without
 * them (COCO-17, HRNet) from 2D widths: shoulder plus hip width over trunk length shrinks with the cosine of the
 * azimuth; {@link #REFERENCE_WIDTH_RATIO} is that ratio seen square from the front. The 2D estimate assumes a level
 * camera and an upright trunk (a trunk leaning toward the camera shortens and reads as more frontal), and near a
 * front view it is coarse (the cosine is flat there); near a side view, where it matters for sagittal angles, it is
 * within a few degrees on the synthetic views.
 *
 * @param sagittalToImageDeg per sample, 0..90 (0 = side view), NaN when hips or shoulders are missing
 * @param frontalToImageDeg  per sample, 0..90 (0 = front or back view)
 * @param azimuthDeg         per sample, (−180, 180]: the camera seen from the person, 0 = in front, 90 = at their
 *                           left, 180 = behind, −90 = at their right
 * @param fromWorld          whether the world landmarks gave it (else 2D widths)
 */
public record ViewGeometry(double[] sagittalToImageDeg, double[] frontalToImageDeg, double[] azimuthDeg, boolean fromWorld) {

    /**
     * (Shoulder width + hip width) / trunk length seen square from the front: 1.1, the median over the shared squat
     * fixture's BlazePose world landmarks (0.96–1.14 per frame) and that of the synthetic test body (1.12).
     */
    public static final double REFERENCE_WIDTH_RATIO = 1.1;

    /** The camera axis in the y-up frame of world landmarks ({@link Vec3#fromBlazePoseWorld}): toward the camera. */
    public static final Vec3 TOWARD_CAMERA = new Vec3(0, 0, 1);

    public static ViewGeometry of(KeypointSeries s) {
        int n = s.length();
        double[] sag = new double[n], fro = new double[n], az = new double[n];
        ViewSigns signs = ViewSigns.of(s);
        Landmarks image = new Landmarks(s, Dimension.IMAGE_2D);
        Landmarks world = s.hasWorld() ? new Landmarks(s, Dimension.WORLD_3D) : null;
        for (int i = 0; i < n; i++) {
            double a = world != null ? azimuth3d(world.at(i)) : azimuth2d(image.at(i), signs);
            az[i] = a;
            sag[i] = Double.NaN;
            fro[i] = Double.NaN;
            if (world != null) {
                BodyFrame f = BodyFrame.of3d(world);
                if (f != null) {
                    sag[i] = tiltDeg(f.left());
                    fro[i] = tiltDeg(f.forward());
                }
            } else if (Double.isFinite(a)) {
                double r = Math.toRadians(a);
                sag[i] = Math.toDegrees(Math.acos(Math.min(1, Math.abs(Math.sin(r)))));
                fro[i] = Math.toDegrees(Math.acos(Math.min(1, Math.abs(Math.cos(r)))));
            }
        }
        return new ViewGeometry(sag, fro, az, world != null);
    }

    /** Angle between the image plane and a plane with unit normal {@code normal} (world frame), 0..90. */
    public static double tiltDeg(Vec3 normal) {
        return Math.toDegrees(Math.acos(Math.min(1, Math.abs(normal.dot(TOWARD_CAMERA)))));
    }

    /** The tilt of one anatomical plane at one sample. */
    public double tiltDeg(AnatomicalPlane plane, int sample) {
        return plane == AnatomicalPlane.SAGITTAL ? sagittalToImageDeg[sample] : frontalToImageDeg[sample];
    }

    private static double azimuth3d(Landmarks p) {
        BodyFrame f = BodyFrame.of3d(p);
        if (f == null) return Double.NaN;
        return Math.toDegrees(Math.atan2(f.left().dot(TOWARD_CAMERA), f.forward().dot(TOWARD_CAMERA)));
    }

    /**
     * Orthographically, the person's left axis appears on the image x axis as cos(azimuth) and forward as
     * −sin(azimuth): the widths give |cos|, which side is on the image right its sign, where the toes (or nose) point
     * the sign of sin.
     */
    private static double azimuth2d(Landmarks p, ViewSigns signs) {
        Vec3 ls = p.get("left_shoulder"), rs = p.get("right_shoulder"), lh = p.get("left_hip"), rh = p.get("right_hip");
        if (ls == null || rs == null || lh == null || rh == null) return Double.NaN;
        double trunk = Vec3.mid(ls, rs).minus(Vec3.mid(lh, rh)).norm();
        if (!(trunk > 1e-9)) return Double.NaN;
        double c = Math.min(1, (ls.minus(rs).norm() + lh.minus(rh).norm()) / trunk / REFERENCE_WIDTH_RATIO);
        double lateral = ViewSigns.lateralCue(p), facing = ViewSigns.facingCue(p);
        double cosSign = lateral < 0 ? -1 : 1;
        double facingSign = Double.isFinite(facing) && facing != 0 ? Math.signum(facing) : signs.facing();
        return Math.toDegrees(Math.atan2(-facingSign * Math.sqrt(1 - c * c), cosSign * c));
    }
}
