package org.poseanalytics.kinematics.angle;

import java.util.List;
import org.poseanalytics.kinematics.quality.PlaneTilt;

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
        @Override double outOfPlaneDeg(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : outOf(segment(p.get(s, "hip"), p.get(s, "knee")), f.down(), f.forward());
        }
    },
    /** Thigh against the trunk axis in the frontal plane: positive abduction (away from the midline). */
    HIP_ABDUCTION("hip_abduction", true, List.of("shoulder", "hip", "knee")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 thigh = segment(p.get(s, "hip"), p.get(s, "knee"));
            return f == null || thigh == null ? Double.NaN : Vec3.planeAngleDeg(thigh, f.down(), f.outward(s));
        }
        @Override double outOfPlaneDeg(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : outOf(segment(p.get(s, "hip"), p.get(s, "knee")), f.down(), f.outward(s));
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
        @Override double outOfPlaneDeg(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : outOf(segment(p.get(s, "shoulder"), p.get(s, "elbow")), f.down(), f.forward());
        }
    },
    /** Upper arm against the trunk axis in the frontal plane: 0 = along the trunk, 180 = overhead. */
    SHOULDER_ABDUCTION("shoulder_abduction", true, List.of("hip", "shoulder", "elbow")) {
        @Override double compute(Landmarks p, BodyFrame f, Side s) {
            Vec3 arm = segment(p.get(s, "shoulder"), p.get(s, "elbow"));
            return f == null || arm == null ? Double.NaN : Vec3.planeAngleDeg(arm, f.down(), f.outward(s));
        }
        @Override double outOfPlaneDeg(Landmarks p, BodyFrame f, Side s) {
            return f == null ? Double.NaN : outOf(segment(p.get(s, "shoulder"), p.get(s, "elbow")), f.down(), f.outward(s));
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
        @Override double outOfPlaneDeg(Landmarks p, BodyFrame f, Side s) {
            if (f == null) return Double.NaN;
            return Math.max(outOf(segment(p.get(s, "hip"), p.get(s, "knee")), f.outward(s), f.up()),
                    outOf(segment(p.get(s, "knee"), p.get(s, "ankle")), f.outward(s), f.up()));
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

    /** Whether this angle is measured against gravity ("vertical", "horizontal"), not between body segments. */
    public boolean againstGravity() {
        return this == TRUNK_LEAN_SAGITTAL || this == TRUNK_LEAN_FRONTAL || this == PELVIC_TILT_FRONTAL;
    }

    /**
     * The plane this angle moves in, which must face the camera for its 2D value to be a measurement. Hip, shoulder
     * and trunk angles are projections onto a body plane. Knee flexion and ankle dorsiflexion are angles between two
     * segments of the leg, which flexes close to the sagittal plane (hip rotation turns it by 10–20° at most in the
     * exercises we template). Elbow flexion's plane follows the arm (the forearm can flex in any plane the shoulder
     * turns it to): it is SAGITTAL here, the arm-at-the-side posture of the clinical test, and the quality stage uses
     * the arm's own plane ({@link #ownPlaneNormal}) whenever world landmarks show it.
     */
    public AnatomicalPlane plane() {
        return switch (this) {
            case HIP_ABDUCTION, SHOULDER_ABDUCTION, KNEE_VALGUS, TRUNK_LEAN_FRONTAL, PELVIC_TILT_FRONTAL -> AnatomicalPlane.FRONTAL;
            default -> AnatomicalPlane.SAGITTAL;
        };
    }

    /**
     * The interval the angle is stated on. Shoulder flexion and abduction pass 180° overhead, so theirs is
     * (−90°, 270°]; the unsigned angles between two segments are [0°, 180°]; ankle dorsiflexion is 90° minus such an
     * angle, [−90°, 90°]; every other angle is (−180°, 180°].
     */
    public AngleRange range() {
        return switch (this) {
            case KNEE_FLEXION, ELBOW_FLEXION -> AngleRange.UNSIGNED;
            case ANKLE_DORSIFLEXION -> new AngleRange(-90, 90);
            case SHOULDER_FLEXION, SHOULDER_ABDUCTION -> new AngleRange(-90, 270);
            default -> AngleRange.SIGNED;
        };
    }

    /** The physiological limits (docs/ANGLES.md, "Physiological limits"): a value outside is not a measurement. */
    public Limits limits() {
        return switch (this) {
            case KNEE_FLEXION -> new Limits(0, 160, "flexion 0–135° (AAOS; Norkin & White), 130–145° (Soucie 2011); +25° deep squat, kneeling");
            case HIP_FLEXION -> new Limits(-60, 170, "flexion 120°, extension 30° (AAOS; Norkin & White); +lumbar flexion/extension as the angle is against the trunk");
            case HIP_ABDUCTION -> new Limits(-60, 90, "abduction 45°, adduction 30° (AAOS; Norkin & White); +trunk side bend, hypermobility");
            case ANKLE_DORSIFLEXION -> new Limits(-75, 55, "dorsiflexion 20°, plantarflexion 50° (AAOS; Norkin & White); weight-bearing lunge to ~45°");
            case ELBOW_FLEXION -> new Limits(0, 165, "flexion 0–150° (AAOS; Norkin & White; Soucie 2011)");
            case SHOULDER_FLEXION -> new Limits(-80, 210, "flexion 180°, extension 60° (AAOS; Norkin & White); +spinal extension overhead");
            case SHOULDER_ABDUCTION -> new Limits(-60, 210, "abduction 180° (AAOS; Norkin & White), adduction across the body; +spinal side bend overhead");
            case KNEE_VALGUS -> new Limits(-30, 45, "frontal-plane projection angle in squats and landings about −10° to +20° (Munro et al. 2012)");
            case TRUNK_LEAN_SAGITTAL -> new Limits(-45, 120, "trunk forward bend to ~90–110° (toe touch), backward 25–30° (AAOS lumbar extension)");
            case TRUNK_LEAN_FRONTAL -> new Limits(-60, 60, "thoracolumbar lateral flexion 35° (AAOS), +lateral trunk shift");
            case PELVIC_TILT_FRONTAL -> new Limits(-30, 30, "pelvic obliquity ±5–10° in gait, up to ~20° hip hike");
        };
    }

    /**
     * How far this angle's plane may turn from the image before its 2D value is low, or no measurement: the largest
     * tilts at which the synthetic 2D error over many postures stays within 10° (valid) and 20° (low)
     * (ProjectionErrorTableTest; docs/ANGLES.md, "What valid means"), and never more than 30° / 45°: past 45° the
     * view belongs to the other plane, and a short projected segment turns keypoint noise into large angle errors,
     * which ideal synthetic keypoints do not show.
     */
    public PlaneTilt tiltLimits() {
        return switch (this) {
            case KNEE_FLEXION, ANKLE_DORSIFLEXION -> new PlaneTilt(20, 35);
            case HIP_FLEXION -> new PlaneTilt(30, 40);
            case HIP_ABDUCTION -> new PlaneTilt(20, 25);
            // The knee's and hip's flexion leak into the frontal projection about 1° per degree the camera turns.
            case KNEE_VALGUS -> new PlaneTilt(5, 15);
            // An arm raised forward leaks into the frontal projection, one raised sideways into the sagittal one.
            case SHOULDER_FLEXION -> new PlaneTilt(25, 40);
            case SHOULDER_ABDUCTION -> new PlaneTilt(15, 30);
            case TRUNK_LEAN_FRONTAL -> new PlaneTilt(30, 40);
            case ELBOW_FLEXION, TRUNK_LEAN_SAGITTAL, PELVIC_TILT_FRONTAL -> new PlaneTilt(30, 45);
        };
    }

    /** Whether the angle is measured against the body frame (trunk axis and hip line), so it needs both hips and shoulders. */
    public boolean usesBodyFrame() {
        return switch (this) {
            case KNEE_FLEXION, ANKLE_DORSIFLEXION, ELBOW_FLEXION -> false;
            default -> true;
        };
    }

    /** The landmarks one sample of this angle depends on: its own joints and, when it uses the body frame, both hips and shoulders. */
    /**
     * The limb segments (from, to) whose image this angle is read from, for the check that none of them points at the
     * camera; the trunk is left out (it rarely does, and the body frame already needs hips and shoulders).
     */
    public List<String[]> segments(Side side) {
        String p = side.prefix();
        return switch (this) {
            case KNEE_FLEXION, KNEE_VALGUS -> List.of(new String[]{p + "hip", p + "knee"}, new String[]{p + "knee", p + "ankle"});
            case HIP_FLEXION, HIP_ABDUCTION -> List.<String[]>of(new String[]{p + "hip", p + "knee"});
            case ANKLE_DORSIFLEXION -> List.of(new String[]{p + "knee", p + "ankle"}, new String[]{p + "heel", p + "foot_index"});
            case ELBOW_FLEXION -> List.of(new String[]{p + "shoulder", p + "elbow"}, new String[]{p + "elbow", p + "wrist"});
            case SHOULDER_FLEXION, SHOULDER_ABDUCTION -> List.<String[]>of(new String[]{p + "shoulder", p + "elbow"});
            case TRUNK_LEAN_SAGITTAL, TRUNK_LEAN_FRONTAL, PELVIC_TILT_FRONTAL -> List.of();
        };
    }

    public List<String> landmarks(Side side) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (String joint : joints) {
            if (sided) names.add(side.prefix() + joint);
            else { names.add("left_" + joint); names.add("right_" + joint); }
        }
        if (usesBodyFrame()) names.addAll(List.of("left_hip", "right_hip", "left_shoulder", "right_shoulder"));
        return List.copyOf(names);
    }

    /**
     * The normal of the plane this angle actually moves in, when it is not a body plane and the landmarks show it:
     * for elbow flexion, upper arm × forearm once the elbow is bent by at least {@value #MIN_BEND_FOR_PLANE_DEG}°
     * (a straighter arm has no defined plane). Null for every other angle and when it cannot be told.
     */
    public Vec3 ownPlaneNormal(Landmarks p, Side s) {
        if (this != ELBOW_FLEXION) return null;
        Vec3 upper = segment(p.get(s, "shoulder"), p.get(s, "elbow")), fore = segment(p.get(s, "elbow"), p.get(s, "wrist"));
        if (upper == null || fore == null || upper.unit() == null || fore.unit() == null) return null;
        if (Vec3.angleDeg(upper, fore) < MIN_BEND_FOR_PLANE_DEG) return null;
        return upper.cross(fore).unit();
    }

    static final double MIN_BEND_FOR_PLANE_DEG = 20;

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

    /**
     * For an angle read as a segment's projection onto a body plane: how far (degrees, 0..90) the segment points out of
     * that plane. Past {@value #MAX_OUT_OF_PLANE_DEG}° its projection is under half its length and the angle turns on
     * small changes (hip abduction of a thigh raised forward in a deep squat read −368…694° before this check). NaN
     * for angles that are not such projections, and when it cannot be told.
     */
    double outOfPlaneDeg(Landmarks p, BodyFrame frame, Side side) { return Double.NaN; }

    /** A projection angle whose segment leaves its plane by more than this is not a measurement (cos 60° = ½). */
    public static final double MAX_OUT_OF_PLANE_DEG = 60;

    /** Whether this sample's segment points too far out of the angle's plane for the projection to mean anything. */
    public boolean unstableProjection(Landmarks p, BodyFrame frame, Side side) {
        return outOfPlaneDeg(p, frame, side) > MAX_OUT_OF_PLANE_DEG;
    }

    private static double outOf(Vec3 v, Vec3 a, Vec3 b) {
        if (v == null) return Double.NaN;
        double n = v.norm();
        if (!(n > 1e-12)) return Double.NaN;
        double inPlane = Math.hypot(v.dot(a), v.dot(b)) / n;
        return Math.toDegrees(Math.acos(Math.min(1, inPlane)));
    }

    private static Vec3 segment(Vec3 from, Vec3 to) { return from == null || to == null ? null : to.minus(from); }

    private static double between(Vec3 a0, Vec3 a1, Vec3 b0, Vec3 b1) {
        Vec3 a = segment(a0, a1), b = segment(b0, b1);
        return a == null || b == null || a.unit() == null || b.unit() == null ? Double.NaN : Vec3.angleDeg(a, b);
    }
}
