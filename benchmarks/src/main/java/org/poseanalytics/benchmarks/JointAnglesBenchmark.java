package org.poseanalytics.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.JointAngles;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.SeriesPipeline;
import org.poseanalytics.tracking.filter.FilterConfig;

/** Every joint angle of a filtered minute, each sample rated (the kinematics stage's entry). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JointAnglesBenchmark {
    private FilteredSeries filtered;

    @Setup
    public void setUp() {
        filtered = SeriesPipeline.filter(SyntheticSquat.series(60, 30, 1), FilterConfig.defaults());
    }

    @Benchmark
    public AngleTable compute() {
        return JointAngles.compute(filtered, SyntheticSquat.WIDTH, SyntheticSquat.HEIGHT);
    }
}
