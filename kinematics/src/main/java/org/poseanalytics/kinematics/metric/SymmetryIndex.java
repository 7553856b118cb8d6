package org.poseanalytics.kinematics.metric;

/**
 * Robinson's symmetry index: 100 · (left − right) / ((left + right) / 2), in percent. 0 = symmetric, positive =
 * the left side larger. NaN when either side is missing or both are zero.
 */
public final class SymmetryIndex {
    private SymmetryIndex() {}

    public static double percent(double left, double right) {
        double mean = (left + right) / 2;
        if (!Double.isFinite(left) || !Double.isFinite(right) || Math.abs(mean) < 1e-9) return Double.NaN;
        return 100 * (left - right) / mean;
    }
}
