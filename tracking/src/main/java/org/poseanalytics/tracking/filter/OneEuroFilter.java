package org.poseanalytics.tracking.filter;

/**
 * The One Euro filter (Casiez et al. 2012) for live preview: an adaptive low-pass whose cutoff rises with
 * speed, so a still limb is steady and a fast one lags little. It is causal, so it lags and blunts peaks;
 * use the zero-phase Butterworth for numbers a clinician reads. Time-aware: the rate comes from the actual
 * timestamps, so a variable frame rate needs no resampling.
 */
public final class OneEuroFilter {
    private final double minCutoffHz;
    private final double beta;
    private final double derivativeCutoffHz;
    private double lastT = Double.NaN;
    private double lastX;
    private double lastDx;

    public OneEuroFilter(double minCutoffHz, double beta, double derivativeCutoffHz) {
        if (!(minCutoffHz > 0) || !(derivativeCutoffHz > 0) || beta < 0) {
            throw new IllegalArgumentException("One Euro needs min cutoff > 0, derivative cutoff > 0, beta >= 0; got "
                    + minCutoffHz + ", " + derivativeCutoffHz + ", " + beta);
        }
        this.minCutoffHz = minCutoffHz;
        this.beta = beta;
        this.derivativeCutoffHz = derivativeCutoffHz;
    }

    /** Filters one sample; a NaN passes through and restarts the filter after the gap. */
    public double filter(double timeS, double x) {
        if (!Double.isFinite(x)) {
            lastT = Double.NaN;
            return x;
        }
        if (Double.isNaN(lastT) || timeS <= lastT) {
            lastT = timeS;
            lastX = x;
            lastDx = 0;
            return x;
        }
        double dt = timeS - lastT;
        double dx = (x - lastX) / dt;
        double edx = lastDx + alpha(dt, derivativeCutoffHz) * (dx - lastDx);
        double cutoff = minCutoffHz + beta * Math.abs(edx);
        double out = lastX + alpha(dt, cutoff) * (x - lastX);
        lastT = timeS;
        lastX = out;
        lastDx = edx;
        return out;
    }

    public void reset() { lastT = Double.NaN; }

    /**
     * A One Euro copy of a whole series (every coordinate, each landmark its own filter), labelled "one-euro",
     * for live preview or comparison. Beta is in 1/(unit/s), so pick it for pixel coordinates; world coordinates
     * (metres) then filter a little more smoothly than image ones.
     */
    public static org.poseanalytics.tracking.series.KeypointSeries apply(org.poseanalytics.tracking.series.KeypointSeries in,
                                                                        double minCutoffHz, double beta, double derivativeCutoffHz) {
        var s = in.copy("one-euro");
        double[] t = s.timesS();
        for (double[][] ch : s.hasWorld() ? new double[][][]{s.x(), s.y(), s.z(), s.worldX(), s.worldY(), s.worldZ()}
                : new double[][][]{s.x(), s.y(), s.z()}) {
            for (double[] row : ch) {
                OneEuroFilter f = new OneEuroFilter(minCutoffHz, beta, derivativeCutoffHz);
                for (int i = 0; i < row.length; i++) row[i] = f.filter(t[i], row[i]);
            }
        }
        return s;
    }

    private static double alpha(double dt, double cutoffHz) {
        double tau = 1 / (2 * Math.PI * cutoffHz);
        return 1 / (1 + tau / dt);
    }
}
