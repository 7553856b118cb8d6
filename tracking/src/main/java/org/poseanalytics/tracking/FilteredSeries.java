package org.poseanalytics.tracking;

import java.util.BitSet;
import java.util.List;
import org.poseanalytics.tracking.series.GapSpan;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.swap.SwapRepair;

/**
 * The output of the offline filter chain with what happened on the way, so every export can say which
 * samples are measured, which interpolated and which unknown.
 *
 * <p>The masks are one bit set per landmark, a bit per sample (an hour's three masks take 1.3 MB, not 11 MB of
 * {@code boolean}s).
 *
 * @param series       filtered values; its {@code filter} names the chain, e.g. "swap-repair+hampel+butterworth-4-6hz"
 * @param interpolated [landmark] samples where a short gap (or a rejected outlier) was filled
 * @param outliers     [landmark] samples where Hampel rejected the model's point in the image (an outlier in the world
 *                     coordinates alone blanks only those, and is not marked here)
 * @param sideConfused [landmark] samples where the model crossed left and right on part of a limb, so the
 *                     point's side is unknown: it is NaN in {@code series} (never interpolated, never measured)
 * @param longGaps     stretches left as gaps (NaN) because they exceed the configured maximum
 * @param swaps        left/right exchanges that were repaired
 * @param cutoffHz     the cutoff actually used (lowered to 0.45 × the sample rate for very low frame rates)
 */
public record FilteredSeries(KeypointSeries series, BitSet[] interpolated, BitSet[] outliers, BitSet[] sideConfused,
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
        return new FilteredSeries(s, noMarks(k), noMarks(k), noMarks(k), List.of(), List.of(), cutoffHz);
    }

    /** Masks with no sample marked, one per landmark. */
    public static BitSet[] noMarks(int landmarks) {
        BitSet[] m = new BitSet[landmarks];
        for (int l = 0; l < landmarks; l++) m[l] = new BitSet();
        return m;
    }

    /** A [sample] row of flags as a mask. */
    public static BitSet marks(boolean[] row) {
        BitSet b = new BitSet(row.length);
        for (int i = 0; i < row.length; i++) if (row[i]) b.set(i);
        return b;
    }

    /** A deep copy of masks, for a stage that changes them without touching the input. */
    public static BitSet[] copy(BitSet[] masks) {
        BitSet[] c = new BitSet[masks.length];
        for (int l = 0; l < masks.length; l++) c[l] = (BitSet) masks[l].clone();
        return c;
    }

    /** True where the filter filled the sample in (a short gap or a rejected outlier). */
    public boolean isInterpolated(int landmark, int sample) { return interpolated[landmark].get(sample); }

    /** True where Hampel rejected the model's value. */
    public boolean isOutlier(int landmark, int sample) { return outliers[landmark].get(sample); }

    /** True where the value is unknown after filtering (inside a long gap, outside the person's presence, or side-confused). */
    public boolean isGap(int landmark, int sample) { return series.isGap(landmark, sample); }

    /** True where left and right were confused on part of this point's limb (the value is NaN). */
    public boolean isSideConfused(int landmark, int sample) { return sideConfused[landmark].get(sample); }
}
