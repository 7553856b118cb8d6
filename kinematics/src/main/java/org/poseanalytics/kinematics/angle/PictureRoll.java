package org.poseanalytics.kinematics.angle;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * How far the picture is turned from level, read off the subject. A person on two straight legs stands them plumb
 * (the weight over both feet) with the trunk above them, from the front as from the side: the mean of the two legs'
 * lean in the picture, over the frames where the subject stands so, is the camera's roll. The squat fixture and the
 * clips made from it read −3.5 to −4.8°; the same clip turned by 20° reads −23.9° (docs/BENCHMARKS.md, "A camera that
 * is not level"). A lean against gravity (trunk lean, pelvic tilt) is measured against the picture's "up" (2D) or the
 * one camera's world landmarks' "up" (3D), both turned with the camera, so in a tilted picture it is the camera's as
 * much as the person's. Seated or lying people, whose legs are never straight and upright, give no estimate.
 */
public final class PictureRoll {
    /** A leg is straight when its picture bends at the knee by at most this (a frontal squat's foreshortened bend too). */
    static final double MAX_KNEE_BEND_DEG = 20;
    /** Standing tall: the trunk's line is within this of the legs' mean line in the picture. */
    static final double MAX_TRUNK_OFF_LEGS_DEG = 6;
    /** Fewer frames of standing tall than this give no estimate: a glimpse of a stride is no stance. */
    static final int MIN_SAMPLES = 10;
    /**
     * Beyond this roll a lean against gravity is off by more than the "valid" bound of the 2D angles (docs/ANGLES.md)
     * allows: the level fixture reads 4° (the camera's or her stance's), a phone held askew 10–25°.
     */
    public static final double MAX_LEVEL_DEG = 8;

    private PictureRoll() {}

    /**
     * The median, over the frames where the subject stands tall ({@link #standingLean}), of the two legs' mean lean
     * from the picture's vertical (degrees; positive when the ankles are right of the hips); empty when there are too
     * few such frames or the skeleton has no legs.
     */
    public static OptionalDouble estimateDeg(KeypointSeries series) {
        Landmarks p = new Landmarks(series, Dimension.IMAGE_2D);
        double[] leans = new double[series.length()];
        int n = 0;
        for (int i = 0; i < series.length(); i++) {
            double lean = standingLean(p.at(i));
            if (Double.isFinite(lean)) leans[n++] = lean;
        }
        if (n < MIN_SAMPLES) return OptionalDouble.empty();
        double[] sorted = Arrays.copyOf(leans, n);
        Arrays.sort(sorted);
        return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    /** Whether the picture is tilted past {@link #MAX_LEVEL_DEG}. */
    public static boolean tilted(OptionalDouble rollDeg) {
        return rollDeg.isPresent() && Math.abs(rollDeg.getAsDouble()) > MAX_LEVEL_DEG;
    }

    /**
     * The lean from the picture's vertical of a subject standing tall in this frame: both legs straight and the trunk in
     * line with them (within {@link #MAX_TRUNK_OFF_LEGS_DEG}); else NaN. The legs' mean direction alone cannot tell a
     * straight leg raised forward from a stride in a turned picture, nor a hip hinge from a lean; the trunk can, for it
     * stays upright in a leg raise and bends in a hinge.
     */
    private static double standingLean(Landmarks p) {
        Vec3 left = straightLeg(p, "left_"), right = straightLeg(p, "right_");
        Vec3 ls = p.get("left_shoulder"), rs = p.get("right_shoulder"), lh = p.get("left_hip"), rh = p.get("right_hip");
        if (left == null || right == null || ls == null || rs == null || lh == null || rh == null) return Double.NaN;
        Vec3 legs = left.unit() == null || right.unit() == null ? null : left.unit().plus(right.unit());
        Vec3 trunkDown = Vec3.mid(lh, rh).minus(Vec3.mid(ls, rs));
        if (legs == null || legs.unit() == null || trunkDown.unit() == null) return Double.NaN;
        double legsLean = lean(legs), trunkLean = lean(trunkDown);
        return Math.abs(legsLean - trunkLean) <= MAX_TRUNK_OFF_LEGS_DEG ? legsLean : Double.NaN;
    }

    /** One leg, hip to ankle, where it is straight in the picture; else null. */
    private static Vec3 straightLeg(Landmarks p, String side) {
        Vec3 hip = p.get(side + "hip"), knee = p.get(side + "knee"), ankle = p.get(side + "ankle");
        if (hip == null || knee == null || ankle == null) return null;
        if (180 - Vec3.angleDeg(hip.minus(knee), ankle.minus(knee)) > MAX_KNEE_BEND_DEG) return null;
        return ankle.minus(hip);
    }

    /** A hip-to-ankle vector's lean from the picture's vertical (y up), positive when the ankle is right of the hip. */
    private static double lean(Vec3 down) { return Math.toDegrees(Math.atan2(down.x(), -down.y())); }
}
