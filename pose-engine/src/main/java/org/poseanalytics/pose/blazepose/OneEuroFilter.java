package org.poseanalytics.pose.blazepose;

/**
 * MediaPipe's One Euro filter (Casiez et al. 2012): a low-pass whose cutoff rises with the signal's speed, so still
 * poses stop jittering and fast moves do not lag. The rate comes from the timestamps; the derivative is taken on
 * the raw values and multiplied by {@code valueScale} (1 / object size), so the same settings fit near and far
 * subjects.
 */
public final class OneEuroFilter {
    private static final double DEFAULT_FREQUENCY = 30;

    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private double frequency = DEFAULT_FREQUENCY;
    private double lastTimeS = Double.NaN;
    private final LowPass x = new LowPass();
    private final LowPass dx = new LowPass();

    public OneEuroFilter(double minCutoff, double beta, double derivativeCutoff) {
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    public double apply(double value, double timeS, double valueScale) {
        if (!Double.isNaN(lastTimeS)) {
            if (timeS <= lastTimeS) return value; // MediaPipe passes out-of-order samples through unfiltered
            frequency = 1 / (timeS - lastTimeS);
        }
        lastTimeS = timeS;
        double derivative = x.initialized ? (value - x.lastRaw) * valueScale * frequency : 0;
        double smoothDerivative = dx.apply(derivative, alpha(derivativeCutoff));
        double cutoff = minCutoff + beta * Math.abs(smoothDerivative);
        return x.apply(value, alpha(cutoff));
    }

    private double alpha(double cutoff) {
        double te = 1 / frequency;
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau / te);
    }

    /** Exponential smoothing that remembers the last raw input (the One Euro derivative needs it). */
    static final class LowPass {
        boolean initialized;
        double lastRaw;
        double stored;

        double apply(double value, double alpha) {
            double result = initialized ? alpha * value + (1 - alpha) * stored : value;
            initialized = true;
            lastRaw = value;
            stored = result;
            return result;
        }
    }
}
