package org.poseanalytics.kinematics.exercise;

import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.BodyFrame;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.Landmarks;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Guesses the exercise when none is given, from what moved: feet leaving the ground and landing where they took off
 * within a second → cmj; the pelvis travelling with the legs not moving together, or the knees moving in anti-phase →
 * gait; knees still and arms moving → shoulder abduction or
 * flexion; one knee only → knee-rom; both knees from a flexed rest → sit-to-stand; both from a straight rest →
 * squat (arms often move in a squat too, so knees are
 * looked at first). Nothing clear → generic ROM report. A guess is a guess: the reason says what it was based on, and a
 * clinician should pass --exercise for numbers that go in a record. Lunges are not guessed (they read as squats).
 */
public final class ExerciseGuesser {
    private ExerciseGuesser() {}

    public static ExerciseChoice guess(KeypointSeries s, AngleTable table) {
        double kneeL = range(table, JointAngle.KNEE_FLEXION);
        double[] kl = values(table, JointAngle.KNEE_FLEXION, "left"), kr = values(table, JointAngle.KNEE_FLEXION, "right");
        double rangeL = RepetitionSignal.range(kl), rangeR = RepetitionSignal.range(kr);
        double abd = range(table, JointAngle.SHOULDER_ABDUCTION);
        double flex = range(table, JointAngle.SHOULDER_FLEXION);
        double leg = legPx(s);
        double travel = Signals.percentile(hipX(s), 95) - Signals.percentile(hipX(s), 5);
        double[] hl = values(table, JointAngle.HIP_FLEXION, "left"), hr = values(table, JointAngle.HIP_FLEXION, "right");
        double hipRange = Math.min(RepetitionSignal.range(hl), RepetitionSignal.range(hr));
        double corr = Math.min(correlation(kl, kr), correlation(hl, hr));
        boolean legsSwing = Math.min(rangeL, rangeR) > 20 || hipRange > 15;
        if (airborne(s, leg)) return guessed(Exercise.CMJ, "both feet left the ground");
        // Knees bending together are a squat's, wherever the person drifts in the picture (a camera panning, someone
        // squatting while stepping along); walking swings them in turn.
        if (Double.isFinite(leg) && travel > 1.5 * leg && legsSwing && !(corr > IN_STEP))
            return guessed(Exercise.GAIT, String.format("the pelvis travelled %.1f leg lengths with both legs swinging", travel / leg));
        if (legsSwing && corr < -0.3)
            return guessed(Exercise.GAIT, String.format("the legs moved in anti-phase (correlation %.2f)", corr));
        if (kneeL > 30 && Math.min(rangeL, rangeR) < 0.4 * Math.max(rangeL, rangeR))
            return guessed(Exercise.KNEE_ROM, String.format("one knee moved (%.0f° vs %.0f°)", Math.max(rangeL, rangeR), Math.min(rangeL, rangeR)));
        if (kneeL > 30) {
            double[] mean = Signals.meanOfTwo(kl, kr);
            double lo = Signals.percentile(mean, 5), hi = Signals.percentile(mean, 95), median = Signals.percentile(mean, 50);
            return (median - lo) / (hi - lo) > 0.5
                    ? guessed(Exercise.SIT_TO_STAND, "both knees moved from a flexed rest position")
                    : guessed(Exercise.SQUAT, "both knees moved from a straight rest position");
        }
        if (Math.max(abd, flex) > 60 && kneeL < 30)
            return sidewaysArms(s) ? guessed(Exercise.SHOULDER_ABDUCTION, String.format("shoulder abduction moved most (%.0f°)", abd))
                    : guessed(Exercise.SHOULDER_FLEXION, String.format("shoulder flexion moved most (%.0f°)", flex));
        return guessed(Exercise.GENERIC, "no template matched: generic range-of-motion report");
    }

    /**
     * Whether the arms rise sideways rather than forward. Planar angles cannot tell: an arm raised forward has an
     * unstable frontal projection near 90° and vice versa. With world landmarks, compare how far the higher
     * elbow goes out versus forward in the body frame; in 2D, a front view (shoulders wide apart) only shows
     * abduction and a side view only flexion.
     */
    private static boolean sidewaysArms(KeypointSeries s) {
        Dimension dim = s.hasWorld()
                ? Dimension.WORLD_3D : Dimension.IMAGE_2D;
        Landmarks p = new Landmarks(s, dim);
        double out = 0, forward = 0, width = 0, torso = 0;
        for (int i = 0; i < s.length(); i++) {
            p.at(i);
            Vec3 ls = p.get("left_shoulder"), rs = p.get("right_shoulder"), lh = p.get("left_hip");
            if (ls != null && rs != null && lh != null) { width += ls.minus(rs).norm(); torso += ls.minus(lh).norm(); }
            BodyFrame f = dim == Dimension.WORLD_3D ? BodyFrame.of3d(p) : null;
            if (f == null) continue;
            for (Side side : new Side[]{
                    Side.LEFT, Side.RIGHT}) {
                Vec3 sh = p.get(side, "shoulder"), el = p.get(side, "elbow");
                if (sh == null || el == null) continue;
                Vec3 arm = el.minus(sh);
                out += Math.abs(arm.dot(f.outward(side)));
                forward += Math.abs(arm.dot(f.forward()));
            }
        }
        // In the image plane "forward" and "outward" are the same image axis: decide by the view instead.
        return dim == Dimension.WORLD_3D ? out >= forward : width > 0.5 * torso;
    }

    private static ExerciseChoice guessed(Exercise e, String why) { return new ExerciseChoice(e, true, why); }

    /** Range of the side that moved most, 3D when measurable. */
    private static double range(AngleTable t, JointAngle a) {
        return RepetitionSignal.choose(t, a, Exercise.Sides.MOVING).map(s -> RepetitionSignal.range(s.valuesDeg())).orElse(0.0);
    }

    private static double[] values(AngleTable t, JointAngle a, String side) {
        return t.find(side + "_" + a.id() + "_3d_deg").or(() -> t.find(side + "_" + a.id() + "_deg"))
                .map(x -> x.valuesDeg()).orElse(new double[t.length()]);
    }

    private static double[] hipX(KeypointSeries s) {
        int l = s.skeleton().indexOf("left_hip"), r = s.skeleton().indexOf("right_hip");
        return Signals.meanOfTwo(s.x().row(l), s.x().row(r));
    }

    private static double legPx(KeypointSeries s) {
        int h = s.skeleton().indexOf("left_hip"), a = s.skeleton().indexOf("left_ankle");
        double[] d = new double[s.length()];
        for (int i = 0; i < d.length; i++) d[i] = Math.hypot(s.x().get(h, i) - s.x().get(a, i), s.y().get(h, i) - s.y().get(a, i));
        return Signals.percentile(d, 50);
    }

    /**
     * Both ankles above the video's usual ground level for three samples or more, and a flight that looks like one:
     * at most {@link #MAX_FLIGHT_S} long, landing where it took off (within {@link #LANDING_LEGS} leg lengths). A
     * person walking away from a raised camera has their ankles "above the ground" of the rest of the video for
     * seconds, and never comes down where they started: that is not a jump.
     */
    private static boolean airborne(KeypointSeries s, double leg) {
        int l = s.skeleton().indexOf("left_ankle"), r = s.skeleton().indexOf("right_ankle");
        double gl = Signals.percentile(s.y().row(l), 80), gr = Signals.percentile(s.y().row(r), 80);
        double[] t = s.timesS();
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            boolean up = i < s.length() && gl - s.y().get(l, i) > 0.15 * leg && gr - s.y().get(r, i) > 0.15 * leg;
            if (up) { run++; continue; }
            int from = i - run;
            if (run >= 3 && from > 0 && i < s.length() && t[i - 1] - t[from] <= MAX_FLIGHT_S
                    && Math.abs(ankles(s, l, r, from - 1) - ankles(s, l, r, i)) <= LANDING_LEGS * leg) return true;
            run = 0;
        }
        return false;
    }

    /** Left and right knee (and hip) angles correlated above this move together: not a walk. */
    private static final double IN_STEP = 0.5;

    /** The longest flight taken for a jump: 1 s is a 1.2 m jump. */
    private static final double MAX_FLIGHT_S = 1.0;
    /** How far from its take-off a landing may be, in leg lengths, up or down the picture. */
    private static final double LANDING_LEGS = 0.1;

    /** The ankles' mean height in the picture at sample {@code i}; NaN where either is unknown. */
    private static double ankles(KeypointSeries s, int l, int r, int i) {
        return 0.5 * (s.y().get(l, i) + s.y().get(r, i));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Signals.mean(a), mb = Signals.mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) continue;
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }
}
