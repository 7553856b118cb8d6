package org.poseanalytics.kinematics.exercise;

import java.util.Optional;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.repetition.Signals;

/**
 * The one signal repetitions are counted on. 3D is preferred when at least half its samples are measurable:
 * it does not depend on where the camera stands (a squat filmed from the front barely changes the image-plane
 * knee angle's shape, but a partial view might).
 */
public record RepetitionSignal(String name, double[] valuesDeg, Dimension dimension, Side side) {

    public static Optional<RepetitionSignal> choose(AngleTable table, JointAngle angle, Exercise.Sides sides) {
        for (Dimension dim : new Dimension[]{Dimension.WORLD_3D, Dimension.IMAGE_2D}) {
            Optional<RepetitionSignal> s = of(table, angle, sides, dim);
            if (s.isPresent() && validFraction(s.get().valuesDeg) >= 0.5) return s;
        }
        return Optional.empty();
    }

    static Optional<RepetitionSignal> of(AngleTable table, JointAngle angle, Exercise.Sides sides, Dimension dim) {
        if (!angle.sided()) return table.find(angle, Side.NONE, dim).map(s -> new RepetitionSignal(s.column(), s.valuesDeg(), dim, Side.NONE));
        Optional<AngleSeries> l = table.find(angle, Side.LEFT, dim), r = table.find(angle, Side.RIGHT, dim);
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        if (sides == Exercise.Sides.MEAN) {
            String name = "mean of " + l.get().column() + " and " + r.get().column();
            return Optional.of(new RepetitionSignal(name, Signals.meanOfTwo(l.get().valuesDeg(), r.get().valuesDeg()), dim, Side.NONE));
        }
        AngleSeries moving = range(l.get().valuesDeg()) >= range(r.get().valuesDeg()) ? l.get() : r.get();
        return Optional.of(new RepetitionSignal(moving.column(), moving.valuesDeg(), dim, moving.side()));
    }

    /** Robust range: 95th minus 5th percentile. */
    public static double range(double[] v) {
        double hi = Signals.percentile(v, 95), lo = Signals.percentile(v, 5);
        return Double.isFinite(hi) ? hi - lo : 0;
    }

    private static double validFraction(double[] v) {
        int n = 0;
        for (double d : v) if (Double.isFinite(d)) n++;
        return v.length == 0 ? 0 : n / (double) v.length;
    }
}
