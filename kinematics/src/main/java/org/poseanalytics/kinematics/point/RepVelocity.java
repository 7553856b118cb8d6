package org.poseanalytics.kinematics.point;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.poseanalytics.tracking.point.PointMotion;

/**
 * A followed point's vertical movement within one repetition, in pixels (the caller scales): its vertical range, mean
 * and peak upward velocity over the concentric phase and mean downward speed over the eccentric phase before it.
 * NaN where a phase was not found (the point never moved up, or was lost).
 *
 * <p>The height is read from a cubic spline through the filtered path's samples, evaluated every millisecond: at
 * 10 fps a lift of 0.8 s has eight samples, and both its phase ends and its peak fall between them.
 */
record RepVelocity(double displacementPx, double meanConcentricPxPerS, double peakConcentricPxPerS, double meanEccentricPxPerS) {
    static final double STEP_S = 0.001;
    static final RepVelocity NONE = new RepVelocity(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static RepVelocity of(PointMotion m, int from, int to) {
        Profile p = Profile.of(m, from, to);
        if (p == null) return NONE;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int fastestUp = 0;
        for (int i = 0; i < p.t.length; i++) {
            lo = Math.min(lo, p.h[i]);
            hi = Math.max(hi, p.h[i]);
            if (p.v[i] > p.v[fastestUp]) fastestUp = i;
        }
        Phase concentric = p.v[fastestUp] > 0 ? Phase.around(p, fastestUp, 0, p.t.length - 1, 1) : null;
        int eccentricEnd = concentric == null ? p.t.length - 1 : fastestUp;
        int fastestDown = 0;
        for (int i = 0; i <= eccentricEnd; i++) if (p.v[i] < p.v[fastestDown]) fastestDown = i;
        Phase eccentric = p.v[fastestDown] < 0 ? Phase.around(p, fastestDown, 0, eccentricEnd, -1) : null;
        return new RepVelocity(hi - lo,
                concentric == null ? Double.NaN : concentric.meanPxPerS(),
                concentric == null ? Double.NaN : concentric.peakPxPerS(),
                eccentric == null ? Double.NaN : eccentric.meanPxPerS());
    }

    /** Height (up) and its velocity every {@link #STEP_S} over a repetition, from a spline through its followed samples. */
    record Profile(double[] t, double[] h, double[] v) {
        static Profile of(PointMotion m, int from, int to) {
            List<double[]> samples = new ArrayList<>();
            for (int i = from; i <= to; i++) if (!m.gap()[i]) samples.add(new double[]{m.timesS()[i], -m.yPx()[i]});
            if (samples.size() < 4) return null;
            double[] ts = samples.stream().mapToDouble(s -> s[0]).toArray(), hs = samples.stream().mapToDouble(s -> s[1]).toArray();
            PolynomialSplineFunction height = new SplineInterpolator().interpolate(ts, hs);
            PolynomialSplineFunction velocity = height.polynomialSplineDerivative();
            int n = (int) Math.floor((ts[ts.length - 1] - ts[0]) / STEP_S) + 1;
            double[] t = new double[n], h = new double[n], v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.min(ts[0] + i * STEP_S, ts[ts.length - 1]);
                h[i] = height.value(t[i]);
                v[i] = velocity.value(t[i]);
            }
            return new Profile(t, h, v);
        }
    }

    /**
     * One phase in one direction ({@code sign} 1 up, −1 down) around its fastest moment {@code peak}. Its ends are
     * found where the velocity passes {@value #LOW} of the peak, well above a tracker's jitter during a pause, and
     * carried on to zero along the line through the {@value #LOW} and {@value #HIGH} crossings: the slow first and
     * last moments of the movement that the threshold cuts off are put back (for a sine-shaped velocity the phase
     * comes out 1 % long). The mean is the distance covered over that time; the peak is the fastest moment.
     */
    record Phase(double meanPxPerS, double peakPxPerS) {
        static final double LOW = 0.2, HIGH = 0.5;

        static Phase around(Profile p, int peak, int from, int to, int sign) {
            double vPeak = sign * p.v[peak];
            int high = peak, low;
            while (high > from && sign * p.v[high - 1] > HIGH * vPeak) high--;
            low = high;
            while (low > from && sign * p.v[low - 1] > LOW * vPeak) low--;
            double lead = low > from ? (p.t[high] - p.t[low]) * LOW / (HIGH - LOW) : 0;
            int highEnd = peak, lowEnd;
            while (highEnd < to && sign * p.v[highEnd + 1] > HIGH * vPeak) highEnd++;
            lowEnd = highEnd;
            while (lowEnd < to && sign * p.v[lowEnd + 1] > LOW * vPeak) lowEnd++;
            double tail = lowEnd < to ? (p.t[lowEnd] - p.t[highEnd]) * LOW / (HIGH - LOW) : 0;
            double distance = sign * (p.h[lowEnd] - p.h[low]) + 0.5 * LOW * vPeak * (lead + tail);
            double duration = p.t[lowEnd] - p.t[low] + lead + tail;
            return new Phase(duration > 0 ? distance / duration : Double.NaN, vPeak);
        }
    }
}
