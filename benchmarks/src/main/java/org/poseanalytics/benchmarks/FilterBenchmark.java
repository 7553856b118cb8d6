package org.poseanalytics.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.SeriesPipeline;
import org.poseanalytics.tracking.filter.Butterworth;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Smoothing: one coordinate through the zero-phase Butterworth, and a whole minute (or a slow-motion clip) through the offline chain. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterBenchmark {
    private double[] kneeX;
    private Butterworth butterworth;
    private KeypointSeries minute;
    private KeypointSeries highSpeed;

    @Setup
    public void setUp() {
        minute = SyntheticSquat.series(60, 30, 1);
        highSpeed = SyntheticSquat.series(10, 240, 1);
        kneeX = minute.x().row(minute.skeleton().indexOf("left_knee"));
        butterworth = new Butterworth(4, 6, 30);
    }

    /** One landmark coordinate, 60 s at 30 frames/s (1,800 samples), 4th order at 6 Hz, forward and back. */
    @Benchmark
    public double[] butterworthFiltfilt() {
        return butterworth.filtfilt(kneeX);
    }

    /** The whole offline chain (gaps, swap repair, Hampel, gap filling, Butterworth) on 33 landmarks × 60 s. */
    @Benchmark
    public FilteredSeries seriesPipeline() {
        return SeriesPipeline.filter(minute, FilterConfig.defaults());
    }

    /**
     * The same chain on 10 s of a 240 frames/s clip (a phone's slow motion; the web's upload limit): Hampel's ±0.2 s
     * window holds 96 samples, thinned to 24 (before, every pair of the 96 was a slope: ~16 times the work a sample).
     */
    @Benchmark
    public FilteredSeries seriesPipeline240fps() {
        return SeriesPipeline.filter(highSpeed, FilterConfig.defaults());
    }
}
