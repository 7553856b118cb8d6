package org.poseanalytics.kinematics.angle;

/**
 * Angular velocity over continuous stretches. Angles need no unwrapping: each sample is mapped into its angle's
 * {@link AngleRange} on its own, and no physiological movement crosses that range's boundary.
 */
public final class Continuity {
    private Continuity() {}

    /**
     * Angular velocity in deg/s on the real timestamps (frame intervals may vary): the second-order three-point
     * derivative where a sample and both its neighbours are usable (finite), so a derivative never reaches across a
     * gap or an invalid sample; NaN at the first and last sample of every stretch. At the recording's two ends, with
     * no neighbour beyond them, a one-sided difference within the stretch.
     */
    public static double[] velocity(double[] deg, double[] timesS) {
        int n = deg.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            boolean here = Double.isFinite(deg[i]);
            boolean before = here && i > 0 && Double.isFinite(deg[i - 1]);
            boolean after = here && i + 1 < n && Double.isFinite(deg[i + 1]);
            if (before && after) {
                // Second-order three-point derivative for unequal intervals (phone videos): the plain
                // (next - previous) / (2 intervals) is only first-order accurate when the intervals differ.
                double h1 = timesS[i] - timesS[i - 1], h2 = timesS[i + 1] - timesS[i];
                v[i] = (h1 * h1 * deg[i + 1] - h2 * h2 * deg[i - 1] + (h2 * h2 - h1 * h1) * deg[i]) / (h1 * h2 * (h1 + h2));
            }
            else if (i == 0 && after) v[i] = (deg[1] - deg[0]) / (timesS[1] - timesS[0]);
            else if (i == n - 1 && before) v[i] = (deg[i] - deg[i - 1]) / (timesS[i] - timesS[i - 1]);
            else v[i] = Double.NaN;
        }
        return v;
    }
}
