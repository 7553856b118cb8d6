package org.poseanalytics.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.pose.Benchmarkable;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.hrnet.HrnetModelException;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.model.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pose-analytics bench VIDEO}: for each model, the bare model invocation rate (what a tracked frame costs at
 * least) against the end-to-end rate of the real pipeline (decode on its own thread, crop, model, post-processing,
 * smoothing) at the same thread count, their ratio, ms per stage and peak memory. One {@link #benchModel} per
 * model so other engines (HRNet) slot in by name.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Raw model frames/s versus end-to-end frames/s on a video.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;

    @Option(names = "--model", paramLabel = "MODEL", split = ",", defaultValue = "blazepose-full",
            description = "one or more models, comma separated (default blazepose-full)")
    List<String> models;

    @Option(names = "--threads", paramLabel = "N", description = "inference threads (default: all cores)")
    Integer threads;

    @Option(names = "--raw-iterations", paramLabel = "N", defaultValue = "100",
            description = "model invocations timed for the raw rate (default 100)")
    int rawIterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "untimed invocations first")
    int warmup;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        RgbImage sample;
        try {
            sample = firstFrame(video);
        } catch (UnreadableVideoException e) {
            System.err.println("pose-analytics bench: " + video.getFileName() + ": " + e.getMessage());
            return 2;
        }
        System.out.printf(Locale.ROOT, "video: %s (%dx%d as displayed), threads: %d, cores: %d%n", video.getFileName(),
                sample.width(), sample.height(), n, Runtime.getRuntime().availableProcessors());
        for (String model : models) {
            try {
                benchModel(model.trim(), n, sample);
            } catch (UnreadableVideoException e) {
                System.err.println("pose-analytics bench: " + video.getFileName() + ": " + e.getMessage());
                return 2;
            } catch (ModelNotFoundException e) {
                System.err.println("pose-analytics bench: " + e.getMessage());
                return 4;
            } catch (HrnetModelException | IllegalArgumentException e) {
                // Unknown model name, or HRNet weights that are missing or not a model: say which and why.
                System.err.println("pose-analytics bench: --model " + model.trim() + ": " + e.getMessage());
                return 5;
            }
        }
        return 0;
    }

    void benchModel(String model, int n, RgbImage sample) throws UnreadableVideoException {
        try (PoseEstimator estimator = PoseModels.open(model, n)) {
            double rawFps = Double.NaN;
            if (estimator instanceof Benchmarkable b) {
                Runnable invoke = b.rawInference(sample);
                for (int i = 0; i < warmup; i++) invoke.run();
                long t0 = System.nanoTime();
                for (int i = 0; i < rawIterations; i++) invoke.run();
                rawFps = rawIterations / ((System.nanoTime() - t0) / 1e9);
            }
            VideoPoseResult r = VideoPoseRunner.run(video, estimator, f -> { }, p -> { });
            double e2e = r.framesPerS();
            System.out.printf(Locale.ROOT, "%n%s%n", estimator.modelDescription());
            System.out.printf(Locale.ROOT, "  raw model invoke:  %8.1f frames/s%n", rawFps);
            System.out.printf(Locale.ROOT, "  end to end:        %8.1f frames/s  (%d frames, %d with a pose, %.2f s)%n",
                    e2e, r.frames(), r.framesWithPose(), r.totalS());
            System.out.printf(Locale.ROOT, "  ratio e2e / raw:   %8.2f%n", e2e / rawFps);
            for (var e : r.stages().all().entrySet()) {
                StageTimings.Stage s = e.getValue();
                System.out.printf(Locale.ROOT, "  %-10s %7.2f ms per call, %6d calls%s%n", e.getKey(), s.meanMs(), s.calls(),
                        e.getKey().equals("decode") ? " (own thread, overlaps inference)" : "");
            }
            System.out.printf(Locale.ROOT, "  peak memory: heap %.0f MiB, process resident %s%n", peakHeapMiB(), peakRss());
        }
    }

    private static RgbImage firstFrame(Path video) throws UnreadableVideoException {
        try (VideoDecoder decoder = VideoDecoder.open(video)) {
            DecodedFrame f = decoder.next();
            if (f == null) throw new UnreadableVideoException("no frame could be decoded");
            return new RgbImage(f.image().width(), f.image().height(), f.image().rgb().clone());
        }
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak / 1048576.0;
    }

    /** Peak resident set of the process (Java heap + native: FFmpeg, TFLite), from Linux's /proc. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux: say so rather than guess.
        }
        return "n/a";
    }
}
