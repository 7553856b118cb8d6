package org.poseanalytics.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.poseanalytics.pose.blazepose.CropSampler;
import org.poseanalytics.pose.blazepose.Roi;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.YuvImage;

/**
 * The crop of {@link CropSamplerBenchmark} (256×256 from a 1920×1080 frame as RGB, YUV planes, or planes stored
 * turned by 90°), old and new sampler alternated in batches of 20, timed in the thread's CPU time rather than wall
 * time: on a shared machine with several times more runnable threads than cores, JMH's wall times mostly measure
 * the waits for a core (errors as large as the scores), while CPU time still ranks the two samplers. Not a
 * replacement for JMH on a quiet machine. Arguments: rounds (30), ROI size in pixels (700), rotation in radians (0.3).
 */
public final class CropSamplerCpuTime {
    private CropSamplerCpuTime() {}


    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = Integer.parseInt(args.length > 0 ? args[0] : "30"), batch = 20;
        for (String frame : new String[]{"RGB", "YUV420", "YUV420_ROTATED"}) {
            boolean rotated = frame.equals("YUV420_ROTATED");
            YuvImage planes = rotated ? YuvImage.allocate(1080, 1920, 90) : YuvImage.allocate(1920, 1080, 0);
            Random r = new Random(1);
            r.nextBytes(planes.y()); r.nextBytes(planes.u()); r.nextBytes(planes.v());
            Picture picture = frame.equals("RGB") ? planes.toRgb() : planes;
            Roi roi = new Roi(960, 540, Double.parseDouble(args.length > 1 ? args[1] : "700"), Double.parseDouble(args.length > 2 ? args[2] : "0.3"));
            CropSampler current = new CropSampler(256);
            LegacyCropSampler legacy = new LegacyCropSampler(256);
            FloatBuffer input = java.nio.ByteBuffer.allocateDirect(256 * 256 * 12).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
            double[] tNew = new double[rounds], tOld = new double[rounds];
            for (int i = 0; i < rounds + 5; i++) {
                long a = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < batch; k++) current.sample(picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
                long b = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < batch; k++) legacy.sample(picture, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, input);
                long c = mx.getCurrentThreadCpuTime();
                if (i >= 5) { tNew[i - 5] = (b - a) / 1e3 / batch; tOld[i - 5] = (c - b) / 1e3 / batch; }
            }
            Arrays.sort(tNew); Arrays.sort(tOld);
            System.out.printf("%-15s new: min %7.0f median %7.0f us CPU | old: min %7.0f median %7.0f us CPU | old/new (median) %.1f%n",
                    frame, tNew[0], tNew[rounds / 2], tOld[0], tOld[rounds / 2], tOld[rounds / 2] / tNew[rounds / 2]);
        }
    }
}
