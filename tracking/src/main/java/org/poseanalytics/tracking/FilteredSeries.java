package org.poseanalytics.tracking;

import java.util.List;
import org.poseanalytics.tracking.series.GapSpan;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.swap.SwapRepair;

/**
 * The output of the offline filter chain with what happened on the way, so every export can say which
 * samples are measured, which interpolated and which unknown.
 *
 * @param series       filtered values; its {@code filter} names the chain, e.g. "swap-repair+hampel+butterworth-4-6hz"
 * @param interpolated [landmark][sample] true where a short gap (or a rejected outlier) was filled
 * @param outliers     [landmark][sample] true where Hampel rejected the model's value
 * @param sideConfused [landmark][sample] true where the model crossed left and right on part of a limb, so the
 *                     point's side is unknown: it is NaN in {@code series} (never interpolated, never measured)
 * @param longGaps     stretches left as gaps (NaN) because they exceed the configured maximum
 * @param swaps        left/right exchanges that were repaired
 * @param cutoffHz     the cutoff actually used (lowered to 0.45 × the sample rate for very low frame rates)
 */
public record FilteredSeries(KeypointSeries series, boolean[][] interpolated, boolean[][] outliers, boolean[][] sideConfused,
                             List<GapSpan> longGaps, List<SwapRepair.Repair> swaps, double cutoffHz) {
    public FilteredSeries {
        longGaps = List.copyOf(longGaps);
        swaps = List.copyOf(swaps);
    }

    /**
     * A series taken as it is, with nothing interpolated, rejected or repaired: for keypoints made elsewhere that were
     * already filtered, and for tests.
     */
    public static FilteredSeries asIs(KeypointSeries s, double cutoffHz) {
        int k = s.skeleton().size(), n = s.length();
        return new FilteredSeries(s, new boolean[k][n], new boolean[k][n], new boolean[k][n], List.of(), List.of(), cutoffHz);
    }

    /** True where the value is unknown after filtering (inside a long gap, outside the person's presence, or side-confused). */
    public boolean isGap(int landmark, int sample) { return series.isGap(landmark, sample); }

    /** True where left and right were confused on part of this point's limb (the value is NaN). */
    public boolean isSideConfused(int landmark, int sample) { return sideConfused[landmark][sample]; }
}
