package org.poseanalytics.benchmarks;

import java.nio.FloatBuffer;
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
import org.poseanalytics.pose.blazepose.CropSampler;
import org.poseanalytics.pose.blazepose.Roi;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;

/**
 * BlazePose's landmark crop (256×256, turned 0.3 rad, replicate border) from a 1920×1080 frame, sampled from
 * interleaved RGB or straight from the decoder's YUV 4:2:0 planes (colour conversion per sampled pixel, display
 * rotation followed in the warp); and, for scale, converting the whole frame to RGB, the per-frame work the YUV path
 * leaves out. {@code sampler}: {@code new} is pose-engine's CropSampler, {@code old} the sampler before issue 17's
 * fixed-point rewrite ({@link LegacyCropSampler}), so one run compares both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CropSamplerBenchmark {
    /** RGB: the frame as interleaved RGB; YUV420: as planes; YUV420_ROTATED: planes stored turned by 90°. */
    @Param({"RGB", "YUV420", "YUV420_ROTATED"})
    public String frame;

    @Param({"new", "old"})
    public String sampler;

    private final CropSampler current = new CropSampler(256);
    private final LegacyCropSampler legacy = new LegacyCropSampler(256);
    private final FloatBuffer input = FloatBuffer.allocate(256 * 256 * 3);
    private YuvImage planes;
    private Picture picture;
    private Roi roi;

    @Setup
    public void setUp() {
        boolean rotated = frame.equals("YUV420_ROTATED");
        planes = rotated ? YuvImage.allocate(1080, 1920, 90) : YuvImage.allocate(1920, 1080, 0);
        Random r = new Random(1);
        r.nextBytes(planes.y());
        r.nextBytes(planes.u());
        r.nextBytes(planes.v());
        picture = frame.equals("RGB") ? planes.toRgb() : planes;
        roi = new Roi(960, 540, 700, 0.3);
    }

    @Benchmark
    public FloatBuffer landmarkCrop() {
        if (sampler.equals("new")) current.sample(picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
        else legacy.sample(picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
        return input;
    }

    @Benchmark
    public RgbImage wholeFrameToRgb() {
        return planes.toRgb();
    }
}
