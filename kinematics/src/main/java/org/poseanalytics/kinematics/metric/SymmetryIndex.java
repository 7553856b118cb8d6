package org.poseanalytics.kinematics.metric;

/**
 * The two symmetry figures (docs/ANGLES.md, "Symmetry"):
 * <ul>
 *   <li>{@link #percent}: Robinson's symmetry index 100 · (left − right) / ((left + right) / 2), in percent; 0 =
 *       symmetric, positive = the left side larger. Used when the involved side is not known.</li>
 *   <li>{@link #limb}: the limb symmetry index (LSI) 100 · involved / uninvolved, in percent; 100 = symmetric, under
 *       100 = the involved side reaches less. Used when the subject's involved side is known.</li>
 * </ul>
 * Both are NaN when a side is missing or the divisor is zero.
 */
public final class SymmetryIndex {
    private SymmetryIndex() {}

    public static double percent(double left, double right) {
        double mean = (left + right) / 2;
        if (!Double.isFinite(left) || !Double.isFinite(right) || Math.abs(mean) < 1e-9) return Double.NaN;
        return 100 * (left - right) / mean;
    }

    public static double limb(double involved, double uninvolved) {
        if (!Double.isFinite(involved) || !Double.isFinite(uninvolved) || Math.abs(uninvolved) < 1e-9) return Double.NaN;
        return 100 * involved / uninvolved;
    }
}
