package org.poseanalytics.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.poseanalytics.pose.heatmap.HeatmapCodec;
import org.poseanalytics.pose.heatmap.HeatmapPeak;
import org.poseanalytics.pose.heatmap.Heatmaps;
import org.poseanalytics.pose.heatmap.Refinement;

/** HRNet's heatmap decoding for one person: 17 channels of 64×48, argmax and sub-cell refinement. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HeatmapDecodeBenchmark {
    @Param({"NONE", "QUARTER_OFFSET", "DARK"})
    public Refinement refinement;

    private HeatmapCodec codec;
    private Heatmaps heatmaps;

    @Setup
    public void setUp() {
        codec = new HeatmapCodec(2.0, refinement);
        Random r = new Random(1);
        double[] xs = new double[17], ys = new double[17];
        boolean[] visible = new boolean[17];
        for (int k = 0; k < 17; k++) {
            xs[k] = 4 + 40 * r.nextDouble();
            ys[k] = 4 + 56 * r.nextDouble();
            visible[k] = true;
        }
        heatmaps = codec.encode(xs, ys, visible, 64, 48);
    }

    @Benchmark
    public List<HeatmapPeak> decode() {
        return codec.decode(heatmaps);
    }
}
