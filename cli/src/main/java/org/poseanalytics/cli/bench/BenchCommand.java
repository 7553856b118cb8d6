package org.poseanalytics.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.pose.Benchmarkable;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.hrnet.HrnetModelException;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pose-analytics bench VIDEO}: for each model and each thread count 1..N, the bare model invocation rate
 * (what a tracked frame costs at least) against the end-to-end rate of the analysis pipeline the CLI and the web job
 * run (decode on its own thread, detection, pose model, post-processing and smoothing, then tracking and
 * kinematics), their ratio, milliseconds per frame for each stage and peak memory, the process's CPU time per frame and the landmark calls per
 * frame (≈ people followed); then one table of all rows, the
 * layout docs/BENCHMARKS.md keeps. One {@link #benchModel} per model and thread count, so every engine (TFLite,
 * DJL PyTorch, DJL OnnxRuntime) is measured the same way. {@code --frames yuv,rgb} measures each row also with
 * crops sampled from the decoder's YUV planes, for a side-by-side comparison with the RGB frames the app uses.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Raw model frames/s versus end-to-end frames/s on a video, per model and thread count.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:the input is not a readable video",
                "3:no person found in the video", "4:the pose model is not available", "5:invalid option value"})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;

    @Option(names = "--model", paramLabel = "MODEL", split = ",", defaultValue = "blazepose-full",
            description = "one or more models, comma separated: blazepose-lite|full|heavy, hrnet=FILE.onnx|.pt (default blazepose-full)")
    List<String> models;

    @Option(names = "--threads", paramLabel = "N",
            description = "measure with 1, 2, ... N inference threads (default: all cores)")
    Integer threads;

    @Option(names = "--only", description = "measure with exactly --threads N, not every count from 1")
    boolean only;

    @Option(names = "--raw-iterations", paramLabel = "N", defaultValue = "100",
            description = "model invocations timed for the raw rate (default 100)")
    int rawIterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "untimed invocations first")
    int warmup;

    @Option(names = "--frames", paramLabel = "PATH", split = ",", defaultValue = "rgb",
            description = "how frames reach the model end to end: rgb (every frame converted to RGB, FFmpeg's automatic "
                    + "thread count; what analyze and the web app do) or yuv (crops sampled from the decoder's planes, "
                    + "decoding on the cores inference leaves; experimental); yuv,rgb measures both side by side")
    List<String> frames;

    /** One measured model at one thread count: a line of the final table. Stage figures are ms per video frame. */
    record Row(String model, String engine, int threads, String frames, double rawFps, double e2eFps, double ceiling,
               double people, double cpuMs, double decodeMs, double detectMs, double poseMs, double trackingMs, double kinematicsMs,
               double peakHeapMiB, String peakRss) {}

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            System.err.println("pose-analytics bench: --threads must be 1 or more (got " + n + ")");
            return 5;
        }
        for (String f : frames) {
            if (!f.equals("yuv") && !f.equals("rgb")) {
                System.err.println("pose-analytics bench: --frames must be yuv, rgb or both (got " + f + ")");
                return 5;
            }
        }
        RgbImage sample;
        try {
            sample = firstFrame(video);
        } catch (UnreadableVideoException e) {
            System.err.println("pose-analytics bench: " + video.getFileName() + ": " + e.getMessage());
            return 2;
        }
        System.out.printf(Locale.ROOT, "video: %s (%dx%d as displayed), threads: %s, cores: %d%n", video.getFileName(),
                sample.width(), sample.height(), only || n == 1 ? Integer.toString(n) : "1.." + n,
                Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            for (int t = only ? n : 1; t <= n; t++) {
                try {
                    for (String f : frames) rows.add(benchModel(model.trim(), t, f, sample));
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
                } catch (AnalysisException e) {
                    System.err.println("pose-analytics bench: " + e.getMessage());
                    return switch (e.kind()) {
                        case UNREADABLE_VIDEO -> 2;
                        case NO_PERSON -> 3;
                        case MODEL_UNAVAILABLE -> 4;
                        case BAD_REQUEST -> 5;
                        default -> 1;
                    };
                }
            }
        }
        printTable(rows);
        return 0;
    }

    Row benchModel(String model, int n, String framePath, RgbImage sample) throws UnreadableVideoException, AnalysisException {
        resetPeaks();
        double rawFps = Double.NaN;
        String engine;
        String description;
        try (PoseEstimator estimator = PoseModels.open(model, n)) {
            description = estimator.modelDescription();
            engine = estimator instanceof Benchmarkable b ? b.engine() : "?";
            if (estimator instanceof Benchmarkable b) {
                Runnable invoke = b.rawInference(sample);
                for (int i = 0; i < warmup; i++) invoke.run();
                long t0 = System.nanoTime();
                for (int i = 0; i < rawIterations; i++) invoke.run();
                rawFps = rawIterations / ((System.nanoTime() - t0) / 1e9);
            }
        }
        // End to end = the pipeline users run, without the model's one-off loading (it is timed from the first frame).
        AnalysisResult r;
        long cpu0 = processCpuNanos();
        System.setProperty(VideoPoseRunner.FRAMES_PROPERTY, framePath);
        try {
            r = new AnalysisPipeline().run(new AnalysisRequest(video, model, null, null, List.of(), n), AnalysisProgress.NONE);
        } finally {
            System.clearProperty(VideoPoseRunner.FRAMES_PROPERTY);
        }
        // CPU time of the whole process (every thread, FFmpeg's and TFLite's included): the work a frame costs, which a
        // busy machine inflates far less than it does wall time. Includes opening the model (one-off, small beside 300 frames).
        double cpuS = (processCpuNanos() - cpu0) / 1e9;
        VideoPoseResult poses = r.poses();
        long frames = Math.max(1, poses.frames());
        double e2eS = poses.totalS() + r.timings().trackingS() + r.timings().kinematicsS();
        double e2e = poses.frames() / e2eS;
        System.out.printf(Locale.ROOT, "%n%s, %s, %d thread%s, %s frames%n", description, engine, n, n == 1 ? "" : "s",
                framePath);
        System.out.printf(Locale.ROOT, "  raw model invoke:  %8.1f frames/s%n", rawFps);
        System.out.printf(Locale.ROOT, "  end to end:        %8.1f frames/s  (%d frames, %d with a pose, %.2f s)%n",
                e2e, poses.frames(), poses.framesWithPose(), e2eS);
        System.out.printf(Locale.ROOT, "  ratio e2e / raw:   %8.2f%n", e2e / rawFps);
        int cores = Runtime.getRuntime().availableProcessors();
        double decodeMsPerFrame = poses.stages().stage("decode").nanos() / 1e6 / frames;
        double ceiling = ceiling(1e3 / rawFps, n, decodeMsPerFrame, cores);
        System.out.printf(Locale.ROOT, "  ceiling e2e / raw: %8.2f  (decoding's %.2f ms per frame beside %d inference thread%s on %d cores)%n",
                ceiling, decodeMsPerFrame, n, n == 1 ? "" : "s", cores);
        for (var e : poses.stages().all().entrySet()) {
            StageTimings.Stage s = e.getValue();
            System.out.printf(Locale.ROOT, "  %-10s %7.2f ms per call, %6d calls%s%n", e.getKey(), s.meanMs(), s.calls(),
                    switch (e.getKey()) {
                        case "decode" -> " (own thread, overlaps inference)";
                        case "crop" -> " (part of landmarks)";
                        case "detect-beside" -> " (own thread, beside the landmark call; detect is the wait for it)";
                        default -> "";
                    });
        }
        System.out.printf(Locale.ROOT, "  tracking   %7.2f ms per frame%n", r.timings().trackingS() * 1e3 / frames);
        System.out.printf(Locale.ROOT, "  kinematics %7.2f ms per frame%n", r.timings().kinematicsS() * 1e3 / frames);
        double heap = peakHeapMiB();
        String rss = peakRss();
        System.out.printf(Locale.ROOT, "  peak memory: heap %.0f MiB, process resident %s%n", heap, rss);
        StageTimings st = poses.stages();
        double poseNanos = st.stage("landmarks").nanos() + st.stage("keypoints").nanos();
        // BlazePose runs the landmark model once per followed person and frame (plus once per new detection).
        double people = st.stage("landmarks").calls() / (double) frames;
        System.out.printf(Locale.ROOT, "  people:     %7.2f landmark calls per frame%n", people);
        System.out.printf(Locale.ROOT, "  CPU:        %7.2f ms per frame, all threads (end to end)%n", cpuS * 1e3 / frames);
        return new Row(model, engine, n, framePath, rawFps, e2e, ceiling, people, cpuS * 1e3 / frames, st.stage("decode").nanos() / 1e6 / frames,
                st.stage("detect").nanos() / 1e6 / frames, poseNanos / 1e6 / frames,
                r.timings().trackingS() * 1e3 / frames, r.timings().kinematicsS() * 1e3 / frames, heap, rss);
    }

    /**
     * The most end to end can reach over raw when decoding shares the cores: a frame costs {@code inferenceMs} of wall
     * time on {@code threads} cores (XNNPACK's threads work or spin through the call) plus {@code decodeMs} on one
     * core, so the frame takes at least max(inference, decode, (threads × inference + decode) / cores). At 1 thread on
     * 2 cores that is 1 while decoding fits beside; at 2 threads on 2 cores inference / (inference + decode / 2).
     * Decode time is the decoding thread's wall time, inflated where it waited for a core: a ceiling, not a forecast.
     */
    static double ceiling(double inferenceMs, int threads, double decodeMs, int cores) {
        if (!(inferenceMs > 0) || cores < 1) return Double.NaN;
        double frameMs = Math.max(Math.max(inferenceMs, decodeMs), (Math.min(threads, cores) * inferenceMs + decodeMs) / cores);
        return inferenceMs / frameMs;
    }

    /** All rows as one Markdown table, ready for docs/BENCHMARKS.md. */
    static void printTable(List<Row> rows) {
        System.out.printf(Locale.ROOT, "%n| model | engine | threads | frames | raw frames/s | end-to-end frames/s | e2e/raw "
                + "| ceiling | people | CPU | decode | detect | pose model | tracking | kinematics (ms/frame) | peak heap / RSS |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f MiB / %s |%n",
                    r.model().startsWith("hrnet=") ? "hrnet=" + Path.of(r.model().substring(6)).getFileName() : r.model(),
                    r.engine(), r.threads(), r.frames(), r.rawFps(), r.e2eFps(), r.e2eFps() / r.rawFps(), r.ceiling(), r.people(),
                    r.cpuMs(), r.decodeMs(), r.detectMs(), r.poseMs(), r.trackingMs(), r.kinematicsMs(), r.peakHeapMiB(), r.peakRss());
        }
    }

    /** Peaks per row, not per process: the JVM's pools and, on Linux, the kernel's resident high-water mark. */
    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException ignored) {
            // Not Linux, or not allowed: the resident peak then covers the whole run so far.
        }
    }

    private static RgbImage firstFrame(Path video) throws UnreadableVideoException {
        return VideoSource.of(video).frameAt(0).orElseThrow(() -> new UnreadableVideoException("no frame could be decoded"));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
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
