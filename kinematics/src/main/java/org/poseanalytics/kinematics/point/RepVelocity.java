package org.poseanalytics.kinematics.point;

import org.poseanalytics.tracking.point.PointMotion;

/**
 * A followed point's vertical movement within one repetition, in pixels (the caller scales): its vertical range, mean
 * and peak upward velocity over the concentric phase and mean downward speed over the eccentric phase before it.
 * NaN where a phase was not found (the point never moved up, or was lost).
 */
record RepVelocity(double displacementPx, double meanConcentricPxPerS, double peakConcentricPxPerS, double meanEccentricPxPerS) {

    static RepVelocity of(PointMotion m, int from, int to) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int fastestUp = -1, fastestDown = -1;
        for (int i = from; i <= to; i++) {
            if (m.gap()[i]) continue;
            double h = -m.yPx()[i];
            lo = Math.min(lo, h);
            hi = Math.max(hi, h);
            double up = m.upPxPerS(i);
            if (!Double.isFinite(up)) continue;
            if (fastestUp < 0 || up > m.upPxPerS(fastestUp)) fastestUp = i;
        }
        double displacement = hi >= lo ? hi - lo : Double.NaN;
        Phase concentric = fastestUp >= 0 && m.upPxPerS(fastestUp) > 0 ? Phase.around(m, fastestUp, from, to, 1) : null;
        int eccentricEnd = concentric == null ? to : concentric.peak();
        for (int i = from; i <= eccentricEnd; i++) {
            double up = m.upPxPerS(i);
            if (Double.isFinite(up) && (fastestDown < 0 || up < m.upPxPerS(fastestDown))) fastestDown = i;
        }
        Phase eccentric = fastestDown >= 0 && m.upPxPerS(fastestDown) < 0 ? Phase.around(m, fastestDown, from, eccentricEnd, -1) : null;
        return new RepVelocity(displacement,
                concentric == null ? Double.NaN : concentric.meanPxPerS(),
                concentric == null ? Double.NaN : concentric.peakPxPerS(),
                eccentric == null ? Double.NaN : eccentric.meanPxPerS());
    }

    /**
     * One phase in one direction ({@code sign} 1 up, −1 down): the samples around {@code peak} whose velocity in that
     * direction stays above {@link PointVelocity#PHASE_THRESHOLD} of the peak, its ends interpolated between samples.
     * Its mean is the distance covered divided by its duration; its peak is refined by a parabola through the three
     * samples around the fastest one (at 10 fps the fastest sample can be half a frame from the real peak).
     */
    record Phase(int peak, double meanPxPerS, double peakPxPerS) {
        static Phase around(PointMotion m, int peak, int from, int to, int sign) {
            double vPeak = sign * m.upPxPerS(peak);
            double threshold = PointVelocity.PHASE_THRESHOLD * vPeak;
            int a = peak, b = peak;
            while (a > from && above(m, a - 1, sign, threshold)) a--;
            while (b < to && above(m, b + 1, sign, threshold)) b++;
            double tStart = m.timesS()[a], hStart = height(m, a);
            if (a > from && Double.isFinite(sign * m.upPxPerS(a - 1))) {
                double f = crossing(sign * m.upPxPerS(a - 1), sign * m.upPxPerS(a), threshold);
                tStart = lerp(m.timesS()[a - 1], m.timesS()[a], f);
                hStart = lerp(height(m, a - 1), height(m, a), f);
            }
            double tEnd = m.timesS()[b], hEnd = height(m, b);
            if (b < to && Double.isFinite(sign * m.upPxPerS(b + 1))) {
                double f = crossing(sign * m.upPxPerS(b), sign * m.upPxPerS(b + 1), threshold);
                tEnd = lerp(m.timesS()[b], m.timesS()[b + 1], f);
                hEnd = lerp(height(m, b), height(m, b + 1), f);
            }
            double mean = tEnd > tStart ? sign * (hEnd - hStart) / (tEnd - tStart) : Double.NaN;
            return new Phase(peak, mean, refinedPeak(m, peak, sign));
        }

        private static boolean above(PointMotion m, int i, int sign, double threshold) {
            double v = sign * m.upPxPerS(i);
            return Double.isFinite(v) && v > threshold;
        }

        /** Where between two samples the velocity passes the threshold, 0..1 from the first. */
        private static double crossing(double v0, double v1, double threshold) {
            return v1 == v0 ? 0.5 : Math.max(0, Math.min(1, (threshold - v0) / (v1 - v0)));
        }

        private static double height(PointMotion m, int i) { return -m.yPx()[i]; }

        private static double lerp(double a, double b, double f) { return a + f * (b - a); }

        /** The vertex of the parabola through the fastest sample and its neighbours (in time), when it is a maximum. */
        private static double refinedPeak(PointMotion m, int i, int sign) {
            double v1 = sign * m.upPxPerS(i);
            if (i == 0 || i + 1 >= m.length()) return v1;
            double v0 = sign * m.upPxPerS(i - 1), v2 = sign * m.upPxPerS(i + 1);
            if (!Double.isFinite(v0) || !Double.isFinite(v2)) return v1;
            double t0 = m.timesS()[i - 1] - m.timesS()[i], t2 = m.timesS()[i + 1] - m.timesS()[i];
            // v(t) = a t² + b t + v1 through (t0, v0), (0, v1), (t2, v2)
            double a = ((v0 - v1) / t0 - (v2 - v1) / t2) / (t0 - t2);
            double b = (v0 - v1) / t0 - a * t0;
            if (!(a < 0)) return v1;
            double tv = -b / (2 * a);
            if (tv < t0 || tv > t2) return v1;
            return Math.max(v1, v1 + b * tv + a * tv * tv);
        }
    }
}
