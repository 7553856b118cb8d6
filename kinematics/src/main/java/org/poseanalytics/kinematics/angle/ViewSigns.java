package org.poseanalytics.kinematics.angle;

import java.util.Arrays;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Which way the person faces in the image, decided once per session. Image-plane angles that have a sign
 * (hip and shoulder flexion, trunk lean, abduction, valgus) need it, and deciding per frame would flip the sign
 * whenever the cue is weak (toes pointing at the camera, hips overlapping in a side view).
 *
 * @param facing           +1 when the person faces image right, -1 when image left
 * @param leftOnImageRight +1 when the person's left side appears on the image right (they face the camera),
 *                         -1 when it appears on the left (back to the camera)
 */
public record ViewSigns(int facing, int leftOnImageRight) {

    public static ViewSigns of(KeypointSeries s) {
        Landmarks p = new Landmarks(s, Dimension.IMAGE_2D);
        double[] facingVotes = new double[s.length()], lateralVotes = new double[s.length()];
        for (int i = 0; i < s.length(); i++) {
            p.at(i);
            facingVotes[i] = facingCue(p);
            lateralVotes[i] = lateralCue(p);
        }
        return new ViewSigns(medianSign(facingVotes), medianSign(lateralVotes));
    }

    /** Toes ahead of heels; without feet (COCO-17) the nose ahead of the ears. */
    static double facingCue(Landmarks p) {
        double sum = 0;
        int n = 0;
        for (Side side : new Side[]{Side.LEFT, Side.RIGHT}) {
            Vec3 heel = p.get(side, "heel"), toe = p.get(side, "foot_index");
            if (heel != null && toe != null) { sum += toe.x() - heel.x(); n++; }
        }
        if (n > 0) return sum;
        Vec3 nose = p.get("nose"), le = p.get("left_ear"), re = p.get("right_ear");
        if (nose == null || (le == null && re == null)) return Double.NaN;
        Vec3 ear = le == null ? re : re == null ? le : Vec3.mid(le, re);
        return nose.x() - ear.x();
    }

    static double lateralCue(Landmarks p) {
        double sum = 0;
        boolean any = false;
        for (String joint : new String[]{"hip", "shoulder"}) {
            Vec3 l = p.get(Side.LEFT, joint), r = p.get(Side.RIGHT, joint);
            if (l != null && r != null) { sum += l.x() - r.x(); any = true; }
        }
        return any ? sum : Double.NaN;
    }

    private static int medianSign(double[] votes) {
        double[] finite = Arrays.stream(votes).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) return 1;
        return finite[finite.length / 2] < 0 ? -1 : 1;
    }
}
