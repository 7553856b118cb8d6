package org.poseanalytics.tracking.filter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Zero-phase Butterworth over each gap-free run of channels that share one clock (a landmark's x, y, z and world
 * coordinates, every landmark of a series): {@link TimeSeriesFilters#butterworth} for many channels at once.
 *
 * <p>Why a stage of its own: an hour at 30 fps is 108,000 samples a channel, and a double array of that length is a
 * "humongous" object to the JVM's default collector, allocated outside the young generation. Filtering an hour's 231
 * channels with fresh copies per channel (the run, the padded run, two passes, the result, the sorted intervals)
 * allocated 1.4 GB of them in seconds and pushed the heap to its limit, whatever was live. Here a run's frame interval
 * and filter are worked out once for every channel that has the same run, and the padded run is one reused array.
 *
 * <p>Each run is filtered at its median frame interval; a run whose timestamps are uniform (within 1%) is filtered in
 * place, one with a variable frame rate is resampled to a uniform grid, filtered there and read back at its own times.
 * Not thread-safe: one smoother per thread.
 */
public final class RunSmoother {
    private final double[] timesS;
    private final int order;
    private final double cutoffHz;
    private final Map<Long, Run> runs = new HashMap<>();
    private double[] work = new double[0];

    /** A run's filter, worked out once from its timestamps. */
    private record Run(Butterworth filter, boolean uniform, double dt) {}

    /** @throws IllegalArgumentException when the timestamps do not strictly increase */
    public RunSmoother(double[] timesS, int order, double cutoffHz) {
        TimeSeriesFilters.checkIncreasing(timesS);
        this.timesS = timesS;
        this.order = order;
        this.cutoffHz = cutoffHz;
    }

    /** Filters each gap-free run of {@code values} (NaN marks a gap) in place; gaps stay gaps. */
    public void smoothInPlace(double[] values) {
        TimeSeriesFilters.checkLengths(timesS, values);
        int i = 0;
        while (i < values.length) {
            if (!Double.isFinite(values[i])) { i++; continue; }
            int start = i;
            while (i < values.length && Double.isFinite(values[i])) i++;
            if (i - start >= 4) smoothRun(values, start, i);
        }
    }

    private void smoothRun(double[] v, int from, int to) {
        Run run = runs.computeIfAbsent((long) from * (timesS.length + 1L) + to, k -> run(from, to));
        if (run.uniform()) {
            run.filter().filtfilt(v, from, to, v, work(run.filter().workLength(to - from)));
            return;
        }
        resampled(run, v, from, to);
    }

    private Run run(int from, int to) {
        double dt = TimeSeriesFilters.medianInterval(timesS, from, to);
        double rate = 1 / dt;
        Butterworth filter = new Butterworth(order, Math.min(cutoffHz, TimeSeriesFilters.maxCutoff(rate)), rate);
        return new Run(filter, TimeSeriesFilters.isUniform(timesS, from, to, dt), dt);
    }

    /** A variable-rate run: to a uniform grid at its median interval, filtered, and back at its own timestamps. */
    private void resampled(Run run, double[] v, int from, int to) {
        int n = to - from;
        double dt = run.dt();
        double[] seg = Arrays.copyOfRange(v, from, to);
        double[] ts = Arrays.copyOfRange(timesS, from, to);
        int m = (int) Math.floor((ts[n - 1] - ts[0]) / dt) + 1;
        double[] grid = new double[m];
        for (int k = 0; k < m; k++) grid[k] = Math.min(ts[0] + k * dt, ts[n - 1]);
        PolynomialSplineFunction toGrid = new LinearInterpolator().interpolate(ts, seg);
        double[] smooth = new double[m];
        for (int k = 0; k < m; k++) smooth[k] = toGrid.value(grid[k]);
        run.filter().filtfilt(smooth, 0, m, smooth, work(run.filter().workLength(m)));
        int strict = m;
        while (strict > 1 && grid[strict - 1] <= grid[strict - 2]) strict--;
        if (strict < 2) return;
        double[] gridStrict = Arrays.copyOf(grid, strict);
        double[] smoothStrict = Arrays.copyOf(smooth, strict);
        PolynomialSplineFunction back = new LinearInterpolator().interpolate(gridStrict, smoothStrict);
        double last = gridStrict[strict - 1];
        for (int j = 0; j < n; j++) {
            // The last original sample may fall between the last grid point and the run's end: hold the final value.
            v[from + j] = ts[j] <= last ? back.value(ts[j]) : smoothStrict[strict - 1];
        }
    }

    private double[] work(int length) {
        if (work.length < length) work = new double[length];
        return work;
    }
}
