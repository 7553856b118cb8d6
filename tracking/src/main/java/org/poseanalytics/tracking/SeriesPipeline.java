package org.poseanalytics.tracking;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.filter.Hampel;
import org.poseanalytics.tracking.filter.RunSmoother;
import org.poseanalytics.tracking.filter.TimeSeriesFilters;
import org.poseanalytics.tracking.series.GapSpan;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.tracking.swap.SwapRepair;

/**
 * The offline chain for numbers a clinician reads, in this order and for these reasons:
 * <ol>
 *   <li>visibility gate: points the model barely saw are gaps, not data;</li>
 *   <li>left/right swap repair of whole limbs: before Hampel, which would otherwise throw swapped samples away as
 *       outliers; points of a partly crossed limb are marked side-confused and stay NaN in the output;</li>
 *   <li>Hampel (time window): isolated jumps become gaps;</li>
 *   <li>gap filling: gaps up to {@code maxGapS} are interpolated in time, longer ones stay and are reported;</li>
 *   <li>zero-phase Butterworth on each gap-free run (resampled when the frame rate varies), which smooths
 *       without the lag or peak blunting of a causal filter.</li>
 * </ol>
 * 2D image coordinates, z and world coordinates all go through it. A gap in the image is a gap in all of them; an
 * outlier in the world coordinates alone (the model's guess of depth jumping while the point in the image holds) blanks
 * only the world coordinates, bridged like any gap, so the 2D angles a clinician reads are not lost to the 3D guess's
 * noise: on a small person walking at 10 fps that guess jumps by centimetres from frame to frame, and it used to turn
 * half of the measured image samples into gaps. Where the world coordinates are the measurement (triangulated from
 * several cameras), an outlier in them blanks the whole sample, as before.
 */
public final class SeriesPipeline {
    private SeriesPipeline() {}

    /** Filters a copy of {@code raw}, whose world coordinates are one camera's model's guess; {@code raw} is left as it is. */
    public static FilteredSeries filter(KeypointSeries raw, FilterConfig config) {
        return filter(raw, config, false);
    }

    /**
     * Filters a copy of {@code raw}. {@code worldMeasured}: its world coordinates are the measurement (triangulated from
     * several cameras) and its image ones derived from them, so an outlier in either blanks the whole sample.
     */
    public static FilteredSeries filter(KeypointSeries raw, FilterConfig config, boolean worldMeasured) {
        double cutoff = cutoff(raw, config);
        return filterOwned(raw.copy(config.label(cutoff)), config, cutoff, worldMeasured);
    }

    /**
     * Filters {@code raw} itself, which the caller gives up (its arrays become the filtered series'): for a series built
     * only to be filtered, as {@link TrackingStage#subject} does, so an hour-long video does not hold a raw and a filtered
     * copy at once (200 MB each at 108,000 frames).
     */
    public static FilteredSeries filterConsuming(KeypointSeries raw, FilterConfig config) {
        double cutoff = cutoff(raw, config);
        return filterOwned(raw.withFilter(config.label(cutoff)), config, cutoff, false);
    }

    private static double cutoff(KeypointSeries raw, FilterConfig config) {
        if (raw.length() == 0) throw new IllegalArgumentException("cannot filter an empty series");
        double[] t = raw.timesS();
        double cutoff = config.cutoffHz();
        if (raw.length() > 1) cutoff = Math.min(cutoff, TimeSeriesFilters.maxCutoff(1 / TimeSeriesFilters.medianInterval(t, 0, t.length)));
        return cutoff;
    }

    private static FilteredSeries filterOwned(KeypointSeries s, FilterConfig config, double cutoff, boolean worldMeasured) {
        double[] t = s.timesS();
        int k = s.skeleton().size();
        int n = s.length();
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < n; i++) {
                if (s.visibility().get(l, i) < config.minVisibility()) blank(s, l, i);
            }
        }
        List<SwapRepair.Repair> swaps = List.of();
        BitSet[] confused = FilteredSeries.noMarks(k);
        if (config.repairSwaps()) {
            SwapRepair.Result r = new SwapRepair().repairInPlace(s);
            s = r.series();
            swaps = r.repairs();
            confused = r.sideConfused();
        }
        // Side-confused points come out of the swap repair as NaN: gap filling bridges them for the filter, and
        // they are blanked again at the end, so no value of an unknown side is ever measured.
        Hampel px = new Hampel(config.hampelHalfWindowS(), config.hampelK(), config.hampelMinPx());
        Hampel m = new Hampel(config.hampelHalfWindowS(), config.hampelK(), config.hampelMinM());
        BitSet[] outliers = new BitSet[k];
        BitSet[] filled = new BitSet[k];
        List<GapSpan> longGaps = new ArrayList<>();
        List<SeriesChannel> ch = channels(s);
        // One landmark at a time in double (the series holds float32): the filters run at full precision and only
        // their result is rounded. The rows and the smoother's work are reused from landmark to landmark: an hour's
        // row is 108,000 doubles, and a fresh set per landmark is what pushed the heap to its limit while filtering.
        double[][] rows = new double[ch.size()][n];
        RunSmoother smoother = new RunSmoother(t, config.butterworthOrder(), cutoff);
        for (int l = 0; l < k; l++) {
            for (int c = 0; c < rows.length; c++) ch.get(c).row(l, rows[c]);
            boolean[] out = or(px.outliers(t, rows[0]), px.outliers(t, rows[1]));
            for (int i = 0; i < n; i++) if (out[i]) blank(rows, 0, rows.length, i);
            if (s.hasWorld()) {
                boolean[] world = or(m.outliers(t, rows[3]), or(m.outliers(t, rows[4]), m.outliers(t, rows[5])));
                for (int i = 0; i < n; i++) if (world[i]) blank(rows, worldMeasured ? 0 : 3, 6, i);
                if (worldMeasured) out = or(out, world);
            }
            outliers[l] = FilteredSeries.marks(out);
            filled[l] = FilteredSeries.marks(TimeSeriesFilters.fillGaps(t, rows[0], config.maxGapS()));
            for (int c = 1; c < rows.length; c++) TimeSeriesFilters.fillGaps(t, rows[c], config.maxGapS());
            for (double[] row : rows) smoother.smoothInPlace(row);
            for (int c = 0; c < rows.length; c++) ch.get(c).setRow(l, rows[c]);
            longGaps.addAll(gaps(s, l));
            // Side-confused points were filled only so their neighbours filter as one run; their side is unknown.
            for (int i = confused[l].nextSetBit(0); i >= 0; i = confused[l].nextSetBit(i + 1)) {
                blank(s, l, i);
                filled[l].clear(i);
            }
        }
        return new FilteredSeries(s, filled, outliers, confused, longGaps, swaps, cutoff);
    }

    /** x, y, z and, when the series has them, world x, y, z: the channels that are filtered. */
    private static List<SeriesChannel> channels(KeypointSeries s) {
        List<SeriesChannel> c = new ArrayList<>(List.of(s.x(), s.y(), s.z()));
        if (s.hasWorld()) c.addAll(List.of(s.worldX(), s.worldY(), s.worldZ()));
        return c;
    }

    private static void blank(double[][] rows, int from, int to, int i) {
        for (int c = from; c < to; c++) rows[c][i] = Double.NaN;
    }

    private static void blank(KeypointSeries s, int l, int i) {
        s.x().set(l, i, Float.NaN);
        s.y().set(l, i, Float.NaN);
        s.z().set(l, i, Float.NaN);
        if (s.hasWorld()) {
            s.worldX().set(l, i, Float.NaN);
            s.worldY().set(l, i, Float.NaN);
            s.worldZ().set(l, i, Float.NaN);
        }
    }

    /** Gaps that remain, including those at the ends of the video. */
    private static List<GapSpan> gaps(KeypointSeries s, int l) {
        List<GapSpan> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!s.isGap(l, i)) { i++; continue; }
            int start = i;
            while (i < n && s.isGap(l, i)) i++;
            out.add(new GapSpan(s.skeleton().name(l), s.frames()[start], s.frames()[i - 1], s.timesS()[start], s.timesS()[i - 1]));
        }
        return out;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] o = new boolean[a.length];
        for (int i = 0; i < a.length; i++) o[i] = a[i] || b[i];
        return o;
    }
}
