package org.poseanalytics.kinematics.angle;

import java.util.List;

/**
 * Every angle we measure, with its clinical neutral-zero definition (docs/ANGLES.md is the table a clinician
 * reads; keep the two in step). Each is computed the same way in 2D and 3D from y-up vectors: only the
 * {@link BodyFrame} differs.
 */
public enum JointAngle {
    /** Angle between thigh and shank: 0 = straight leg, positive bending. */
    KNEE_FLEXION("knee_flexion", true, List.of("hip", "knee", "ankle")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            return between(p.get(s, "hip"), p.get(s, "knee"), p.get(s, "knee"), p.get(s, "ankle"));
        }
    },
    /** Thigh against the trunk axis in the sagittal plane: 0 = in line with the trunk, positive forward. */
    HIP_FLEXION("hip_flexion", true, List.of("shoulder", "hip", "knee")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 thigh = segment(p.get(s, "hip"), p.get(s, "knee"));
            return f == null || thigh == null ? Double.NaN : Vec3.planeAngleDeg(thigh, f.down(), f.forward());
        }
    },
    /** Thigh against the trunk axis in the frontal plane: positive abduction (away from the midline). */
    HIP_ABDUCTION("hip_abduction", true, List.of("shoulder", "hip", "knee")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 thigh = segment(p.get(s, "hip"), p.get(s, "knee"));
            return f == null || thigh == null ? Double.NaN : Vec3.planeAngleDeg(thigh, f.down(), f.outward(s));
        }
    },
    /** Foot (heel to foot index) against the shank: 0 = foot at 90° to the shank, positive dorsiflexion. */
    ANKLE_DORSIFLEXION("ankle_dorsiflexion", true, List.of("knee", "ankle", "heel", "foot_index")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 shankUp = segment(p.get(s, "ankle"), p.get(s, "knee"));
            Vec3 foot = segment(p.get(s, "heel"), p.get(s, "foot_index"));
            return shankUp == null || foot == null ? Double.NaN : 90 - Vec3.angleDeg(shankUp, foot);
        }
    },
    /** Angle between upper arm and forearm: 0 = straight arm. */
    ELBOW_FLEXION("elbow_flexion", true, List.of("shoulder", "elbow", "wrist")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            return between(p.get(s, "shoulder"), p.get(s, "elbow"), p.get(s, "elbow"), p.get(s, "wrist"));
        }
    },
    /** Upper arm against the trunk axis in the sagittal plane: 0 = along the trunk, 180 = overhead, negative = extension. */
    SHOULDER_FLEXION("shoulder_flexion", true, List.of("hip", "shoulder", "elbow")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 arm = segment(p.get(s, "shoulder"), p.get(s, "elbow"));
            return f == null || arm == null ? Double.NaN : Vec3.planeAngleDeg(arm, f.down(), f.forward());
        }
    },
    /** Upper arm against the trunk axis in the frontal plane: 0 = along the trunk, 180 = overhead. */
    SHOULDER_ABDUCTION("shoulder_abduction", true, List.of("hip", "shoulder", "elbow")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 arm = segment(p.get(s, "shoulder"), p.get(s, "elbow"));
            return f == null || arm == null ? Double.NaN : Vec3.planeAngleDeg(arm, f.down(), f.outward(s));
        }
    },
    /**
     * Frontal-plane projection angle (FPPA) at the knee: the thigh-to-shank angle seen from the front,
     * positive valgus (knee medial to the hip-ankle line), negative varus.
     */
    KNEE_VALGUS("knee_valgus_fppa", true, List.of("hip", "knee", "ankle")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 thigh = segment(p.get(s, "hip"), p.get(s, "knee"));
            Vec3 shank = segment(p.get(s, "knee"), p.get(s, "ankle"));
            if (f == null || thigh == null || shank == null) return Double.NaN;
            Vec3 out = f.outward(s), up = f.up();
            double ta = thigh.dot(out), tb = thigh.dot(up), sa = shank.dot(out), sb = shank.dot(up);
            // Signed turn from thigh to shank in the (outward, up) plane: the shank turning outward below a
            // medially displaced knee is valgus.
            return Math.toDegrees(Math.atan2(ta * sb - tb * sa, ta * sa + tb * sb));
        }
    },
    /** Trunk (mid-hip to mid-shoulder) against vertical, sagittal: 0 = upright, positive forward. */
    TRUNK_LEAN_SAGITTAL("trunk_lean_sagittal", false, List.of("hip", "shoulder")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : Vec3.planeAngleDeg(f.up(), f.worldUp(), f.forwardLevel());
        }
    },
    /** Trunk against vertical, frontal: 0 = upright, positive toward the person's right. */
    TRUNK_LEAN_FRONTAL("trunk_lean_frontal", false, List.of("hip", "shoulder")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : Vec3.planeAngleDeg(f.up(), f.worldUp(), f.leftLevel().times(-1));
        }
    },
    /** Pelvic tilt in the frontal plane (obliquity): hip line against horizontal, positive = left hip higher. */
    PELVIC_TILT_FRONTAL("pelvic_tilt_frontal", false, List.of("hip")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 hipLine = segment(p.get("right_hip"), p.get("left_hip"));
            return f == null || hipLine == null ? Double.NaN : Vec3.planeAngleDeg(hipLine, f.leftLevel(), f.worldUp());
        }
    };

    private final String id;
    private final boolean sided;
    private final List<String> joints;

    JointAngle(String id, boolean sided, List<String> joints) {
        this.id = id;
        this.sided = sided;
        this.joints = joints;
    }

    /**
     * The plane this angle moves in, which must face the camera for its 2D value to be a measurement. Knee and elbow
     * flexion are the angle between two segments; they are read as sagittal (the plane they flex in when the person
     * stands facing forward). TODO(quality): per-angle planes are the angles helper's to confirm.
     */
    public AnatomicalPlane plane() {
        return switch (this) {
            case HIP_ABDUCTION, SHOULDER_ABDUCTION, KNEE_VALGUS, TRUNK_LEAN_FRONTAL, PELVIC_TILT_FRONTAL -> AnatomicalPlane.FRONTAL;
            default -> AnatomicalPlane.SAGITTAL;
        };
    }

    /** Snake-case id without side, dimension or unit, e.g. "knee_flexion". */
    public String id() { return id; }

    public boolean sided() { return sided; }

    /** The sides this angle is measured on: LEFT and RIGHT, or NONE for midline angles. */
    public List<Side> sides() { return sided ? List.of(Side.LEFT, Side.RIGHT) : List.of(Side.NONE); }

    /** The column name, e.g. left_knee_flexion_deg (image plane) or left_knee_flexion_3d_deg (world). */
    public String column(Side side, Dimension dimension) { return side.prefix() + id + dimension.suffix() + "_deg"; }

    /** Whether the skeleton has every landmark this angle needs (COCO-17 has no heel or foot index). */
    public boolean availableFor(org.poseanalytics.pose.skeleton.Skeleton skeleton) {
        for (String joint : joints) {
            if (skeleton.indexOf("left_" + joint) < 0 || skeleton.indexOf("right_" + joint) < 0) return false;
        }
        return true;
    }

    abstract double compute(Landmarks p, BodyFrame frame, Side side);

    private static Vec3 segment(Vec3 from, Vec3 to) { return from == null || to == null ? null : to.minus(from); }

    private static double between(Vec3 a0, Vec3 a1, Vec3 b0, Vec3 b1) {
        Vec3 a = segment(a0, a1), b = segment(b0, b1);
        return a == null || b == null || a.unit() == null || b.unit() == null ? Double.NaN : Vec3.angleDeg(a, b);
    }
}
