package org.poseanalytics.tracking.filter;

import org.apache.commons.math3.complex.Complex;

/**
 * Zero-phase Butterworth low-pass as used in biomechanics: a filter of half the requested order is run
 * forwards then backwards, so "4th order" means a 2nd-order design applied twice (the Winter / Pose2Sim
 * convention). The design cutoff is corrected so the two passes together are -3 dB at the requested cutoff
 * (otherwise the double pass would cut lower than asked and blunt peaks). Needs uniformly spaced samples:
 * {@link TimeSeriesFilters#butterworth} resamples variable-rate series first.
 */
public final class Butterworth {
    private final int order;
    private final double cutoffHz;
    private final double sampleRateHz;
    /** Second-order sections {b0, b1, b2, a1, a2} (a0 = 1); a first-order section has b2 = a2 = 0. */
    private final double[][] sections;

    /**
     * @param order        effective order after the forward and backward passes; even, 2 to 16
     * @param cutoffHz     -3 dB frequency of the zero-phase result
     * @param sampleRateHz sampling rate of the uniform series it will filter
     */
    public Butterworth(int order, double cutoffHz, double sampleRateHz) {
        if (order < 2 || order > 16 || order % 2 != 0) {
            throw new IllegalArgumentException("Butterworth order must be even and between 2 and 16 (it counts both passes), got " + order);
        }
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
        }
        if (!(cutoffHz > 0) || cutoffHz >= sampleRateHz / 2) {
            throw new IllegalArgumentException("cutoff " + cutoffHz + " Hz must be above 0 and below the Nyquist frequency "
                    + sampleRateHz / 2 + " Hz of a " + sampleRateHz + " Hz series");
        }
        this.order = order;
        this.cutoffHz = cutoffHz;
        this.sampleRateHz = sampleRateHz;
        int m = order / 2;
        double warped = 2 * sampleRateHz * Math.tan(Math.PI * cutoffHz / sampleRateHz);
        // Two passes square the magnitude response; move the single-pass corner up so |H|^2 = 1/2 at the cutoff.
        double corrected = warped / Math.pow(Math.sqrt(2) - 1, 1.0 / (2 * m));
        this.sections = design(m, corrected, sampleRateHz);
    }

    private static double[][] design(int m, double analogCutoff, double fs) {
        double[][] sos = new double[(m + 1) / 2][];
        int s = 0;
        double k2 = 2 * fs;
        for (int k = 0; k < m / 2; k++) {
            // Analog prototype pole in the upper-left quadrant; its conjugate makes the biquad real.
            Complex p = new Complex(0, Math.PI * (2 * k + m + 1) / (2.0 * m)).exp().multiply(analogCutoff);
            Complex z = new Complex(k2).add(p).divide(new Complex(k2).subtract(p));
            double a1 = -2 * z.getReal();
            double a2 = z.abs() * z.abs();
            double g = (1 + a1 + a2) / 4;
            sos[s++] = new double[]{g, 2 * g, g, a1, a2};
        }
        if (m % 2 == 1) {
            double p = -analogCutoff;
            double z = (k2 + p) / (k2 - p);
            double g = (1 - z) / 2;
            sos[s] = new double[]{g, g, 0, -z, 0};
        }
        return sos;
    }

    public int order() { return order; }

    public double cutoffHz() { return cutoffHz; }

    public double sampleRateHz() { return sampleRateHz; }

    /**
     * Forward-backward filtering of a gap-free uniform series. The ends are extended by odd reflection and
     * each section starts in its steady state, which keeps the first and last samples from being pulled
     * towards zero. Series shorter than 4 samples are returned unchanged (nothing meaningful to filter).
     */
    public double[] filtfilt(double[] x) {
        double[] out = new double[x.length];
        filtfilt(x, 0, x.length, out, new double[workLength(x.length)]);
        return out;
    }

    /**
     * {@link #filtfilt(double[])} of {@code x[from, to)} written to {@code out[from, to)} ({@code out} may be
     * {@code x}), with {@code work} (at least {@link #workLength} of the run's length) as the padded series. A caller
     * that filters many channels passes the same arrays each time: an hour's row is 108,000 doubles, and fresh copies
     * of it per channel are what filled the heap while an hour was filtered.
     */
    public void filtfilt(double[] x, int from, int to, double[] out, double[] work) {
        int n = to - from;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) throw new IllegalArgumentException("filtfilt needs a gap-free series; fill or split gaps first");
        }
        if (n < 4) {
            System.arraycopy(x, from, out, from, n);
            return;
        }
        int pad = pad(n);
        int len = n + 2 * pad;
        if (work.length < len) throw new IllegalArgumentException("work array of " + work.length + " for " + len + " padded samples");
        for (int i = 0; i < pad; i++) {
            work[i] = 2 * x[from] - x[from + pad - i];
            work[n + pad + i] = 2 * x[to - 1] - x[to - 2 - i];
        }
        System.arraycopy(x, from, work, pad, n);
        pass(work, len);
        reverse(work, len);
        pass(work, len);
        reverse(work, len);
        System.arraycopy(work, pad, out, from, n);
    }

    /** The length of the work array {@link #filtfilt(double[], int, int, double[], double[])} needs for n samples. */
    public int workLength(int n) {
        return n < 4 ? 0 : n + 2 * pad(n);
    }

    /** Samples reflected at each end: three per pole, and at least one period of the cutoff. */
    private int pad(int n) {
        return Math.min(n - 1, Math.max(3 * (2 * sections.length + 1), (int) Math.ceil(sampleRateHz / cutoffHz)));
    }

    /** One forward pass of every section over {@code y[0, len)}, in place. */
    private void pass(double[] y, int len) {
        for (double[] c : sections) {
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
            // Transposed direct form II, states set as if y[0] had been the input forever (unit DC gain).
            double u = y[0];
            double z2 = (b2 - a2) * u;
            double z1 = (b1 - a1) * u + z2;
            for (int i = 0; i < len; i++) {
                double in = y[i];
                double out = b0 * in + z1;
                z1 = b1 * in - a1 * out + z2;
                z2 = b2 * in - a2 * out;
                y[i] = out;
            }
        }
    }

    /** Magnitude of the zero-phase (two-pass) response at a frequency, for tests and reports. */
    public double gainAt(double frequencyHz) {
        Complex zInv = new Complex(0, -2 * Math.PI * frequencyHz / sampleRateHz).exp();
        Complex h = Complex.ONE;
        for (double[] c : sections) {
            Complex num = new Complex(c[0]).add(zInv.multiply(c[1])).add(zInv.multiply(zInv).multiply(c[2]));
            Complex den = Complex.ONE.add(zInv.multiply(c[3])).add(zInv.multiply(zInv).multiply(c[4]));
            h = h.multiply(num.divide(den));
        }
        return h.abs() * h.abs();
    }

    private static void reverse(double[] a, int len) {
        for (int i = 0, j = len - 1; i < j; i++, j--) {
            double t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }
}
