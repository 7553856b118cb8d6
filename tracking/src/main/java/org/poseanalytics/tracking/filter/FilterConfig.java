package org.poseanalytics.tracking.filter;

/**
 * Settings of the offline filter chain: visibility gate → swap repair → Hampel → gap filling → zero-phase
 * Butterworth.
 *
 * @param minVisibility   keypoints seen with less visibility are gaps, not data
 * @param hampelHalfWindowS Hampel window half-width in seconds
 * @param hampelK         Hampel threshold in scaled MADs
 * @param hampelMinPx     Hampel threshold floor in pixels (image coordinates); world coordinates use
 *                        {@code hampelMinM}
 * @param hampelMinM      Hampel threshold floor in metres for world coordinates
 * @param maxGapS         gaps up to this duration are interpolated; longer ones stay gaps and are flagged
 * @param butterworthOrder effective zero-phase order (even; 4 = 2nd order run forwards and backwards)
 * @param cutoffHz        -3 dB cutoff of the zero-phase result
 * @param repairSwaps     whether left/right swaps are repaired before filtering
 */
public record FilterConfig(double minVisibility, double hampelHalfWindowS, double hampelK, double hampelMinPx,
                           double hampelMinM, double maxGapS, int butterworthOrder, double cutoffHz, boolean repairSwaps) {

    public FilterConfig {
        if (minVisibility < 0 || minVisibility > 1) throw new IllegalArgumentException("min visibility must be in [0, 1], got " + minVisibility);
        if (!(hampelHalfWindowS > 0)) throw new IllegalArgumentException("Hampel half window must be > 0 s, got " + hampelHalfWindowS);
        if (!(hampelK > 0)) throw new IllegalArgumentException("Hampel k must be > 0, got " + hampelK);
        if (maxGapS < 0) throw new IllegalArgumentException("max gap must be >= 0 s, got " + maxGapS);
        if (butterworthOrder < 2 || butterworthOrder % 2 != 0) {
            throw new IllegalArgumentException("Butterworth order must be even and >= 2 (zero-phase doubles it), got " + butterworthOrder);
        }
        if (!(cutoffHz > 0)) throw new IllegalArgumentException("cutoff must be > 0 Hz, got " + cutoffHz);
    }

    public static FilterConfig defaults() {
        return new FilterConfig(0.5, 0.2, 3.0, 4.0, 0.01, 0.25, 4, 6.0, true);
    }

    public FilterConfig withCutoffHz(double hz) {
        return new FilterConfig(minVisibility, hampelHalfWindowS, hampelK, hampelMinPx, hampelMinM, maxGapS, butterworthOrder, hz, repairSwaps);
    }

    public FilterConfig withOrder(int order) {
        return new FilterConfig(minVisibility, hampelHalfWindowS, hampelK, hampelMinPx, hampelMinM, maxGapS, order, cutoffHz, repairSwaps);
    }

    public FilterConfig withMaxGapS(double s) {
        return new FilterConfig(minVisibility, hampelHalfWindowS, hampelK, hampelMinPx, hampelMinM, s, butterworthOrder, cutoffHz, repairSwaps);
    }

    public FilterConfig withMinVisibility(double v) {
        return new FilterConfig(v, hampelHalfWindowS, hampelK, hampelMinPx, hampelMinM, maxGapS, butterworthOrder, cutoffHz, repairSwaps);
    }

    public FilterConfig withRepairSwaps(boolean repair) {
        return new FilterConfig(minVisibility, hampelHalfWindowS, hampelK, hampelMinPx, hampelMinM, maxGapS, butterworthOrder, cutoffHz, repair);
    }

    /** The label a filtered series carries, e.g. "hampel+butterworth-4-6hz". */
    public String label(double effectiveCutoffHz) {
        String hz = effectiveCutoffHz == Math.rint(effectiveCutoffHz) ? String.valueOf((long) effectiveCutoffHz)
                : String.format(java.util.Locale.ROOT, "%.1f", effectiveCutoffHz);
        return (repairSwaps ? "swap-repair+" : "") + "hampel+butterworth-" + butterworthOrder + "-" + hz + "hz";
    }
}
