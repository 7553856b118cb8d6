package org.poseanalytics.cli.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.testing.ReplayedSquat;

/**
 * Development tool (never shipped): the memory of everything after the pose model — tracking, the subject's series,
 * filters, kinematics and the written outputs — for a video of any length, in minutes instead of the hours the model
 * would take ({@link ReplayedSquat}: the squat fixture's reference landmarks replayed at 30 fps through the same
 * pipeline {@code analyze} and the web job run), then writes the outputs. Prints the memory figures of {@link MemoryWatch}.
 *
 * <pre>
 * java -Xmx512m -cp cli/target/pose-analytics-cli.jar... org.poseanalytics.cli.memory.LongVideoMemory MINUTES OUT_DIR
 *   (the cli's and kinematics' test classes on the loader path)
 * </pre>
 * (docs/BENCHMARKS.md, "Long videos, flat memory", has the exact class path.)
 */
public final class LongVideoMemory {
    private LongVideoMemory() {}

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args[0]);
        Path out = Path.of(args[1]);
        Path fixtures = Path.of(args.length > 2 ? args[2] : "../shared/fixtures/mediapipe-squats");
        ReplayedSquat squat = ReplayedSquat.of(fixtures);
        try (MemoryWatch watch = MemoryWatch.start()) {
            long t0 = System.nanoTime();
            AnalysisResult r = squat.analyse(minutes);
            long t1 = System.nanoTime();
            Files.createDirectories(out);
            AnalysisOutputs.write(r, out);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "replayed %.1f min = %d frames: pipeline %.1f s, outputs %.1f s; %d repetitions%n", minutes,
                    r.kinematics().angles().length(),
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, r.kinematics().repetitions().size());
            // With the result still referenced, as while a job stores it.
            System.out.println(watch.figures(true).line());
            if (Boolean.getBoolean("histogram")) histogram(25);
        }
    }

    /** What the heap holds, by class (the result is still referenced): where the bytes per frame go. */
    private static void histogram(int lines) throws Exception {
        Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        text.toString().lines().limit(lines).forEach(System.out::println);
    }
}
