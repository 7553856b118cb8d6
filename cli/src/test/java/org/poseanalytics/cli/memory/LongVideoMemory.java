package org.poseanalytics.cli.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.keypoints.FrameSize;
import org.poseanalytics.kinematics.keypoints.ImportOptions;
import org.poseanalytics.kinematics.keypoints.ImportedKeypoints;
import org.poseanalytics.kinematics.keypoints.MediaPipeKeypoints;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.WorldPoint;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.video.DecodeReport;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;

/**
 * Development tool (never shipped): the memory of everything after the pose model — tracking, the subject's series,
 * filters, kinematics and the written outputs — for a video of any length, in minutes instead of the hours the model
 * would take. It replays the squat fixture's MediaPipe reference landmarks (image and world, 65 frames, back and forth
 * so the movement stays continuous) as fresh objects for every frame at 30 fps, as the pose model hands them over, into
 * the same {@link AnalysisPipeline} {@code analyze} and the web job run, then writes the outputs. Prints the memory
 * figures of {@link MemoryWatch}.
 *
 * <pre>
 * java -Xmx512m -cp cli/target/pose-analytics-cli.jar... org.poseanalytics.cli.memory.LongVideoMemory MINUTES OUT_DIR
 * </pre>
 * (docs/BENCHMARKS.md, "Long videos, flat memory", has the exact class path.)
 */
public final class LongVideoMemory {
    private LongVideoMemory() {}

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args[0]);
        Path out = Path.of(args[1]);
        Path fixtures = Path.of(args.length > 2 ? args[2] : "../shared/fixtures/mediapipe-squats");
        ImportedKeypoints ref = new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(720, 1280), fixtures.resolve("pose_squats_3d.full.json")))
                .read(fixtures.resolve("pose_squats.full.json"));
        List<PersonPose> cycle = new ArrayList<>();
        for (FramePoses f : ref.frames()) cycle.add(f.persons().getFirst());
        long frames = Math.round(minutes * 60 * 30);

        PoseSource replay = (request, sink, progress) -> replay(cycle, frames, ref.width(), ref.height(), sink);
        AnalysisRequest request = new AnalysisRequest(fixtures.resolve("pose_squats.mp4"), "replay", Exercise.parse("squat"), null,
                List.of(), 1, null, VideoLimits.DEFAULTS, new ScaleSpec.None());
        try (MemoryWatch watch = MemoryWatch.start()) {
            long t0 = System.nanoTime();
            AnalysisResult r = new AnalysisPipeline(replay).run(request, AnalysisProgress.NONE);
            long t1 = System.nanoTime();
            Files.createDirectories(out);
            AnalysisOutputs.write(r, out);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "replayed %.1f min = %d frames: pipeline %.1f s, outputs %.1f s; %d repetitions%n", minutes, frames,
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

    /**
     * As the 1080p30 benchmark video made from the fixture (its 5 fps frames each shown 6 times, looped): frame i shows
     * reference frame (i / 6) mod 65, as new objects each time, so nothing is shared between frames.
     */
    private static VideoPoseResult replay(List<PersonPose> cycle, long frames, int width, int height, Consumer<FramePoses> sink) {
        int n = cycle.size();
        long start = System.nanoTime();
        for (long i = 0; i < frames; i++) {
            PersonPose p = cycle.get((int) ((i / 6) % n));
            List<Keypoint> kps = new ArrayList<>(p.keypoints().size());
            for (Keypoint kp : p.keypoints()) kps.add(new Keypoint(kp.x(), kp.y(), kp.z(), kp.visibility(), kp.presence()));
            List<WorldPoint> world = new ArrayList<>(p.world().size());
            for (WorldPoint w : p.world()) world.add(new WorldPoint(w.x(), w.y(), w.z()));
            sink.accept(new FramePoses(i, i / 30.0, width, height,
                    List.of(new PersonPose(p.skeleton(), kps, world, p.box(), p.score()))));
        }
        double s = (System.nanoTime() - start) / 1e9;
        double duration = frames / 30.0;
        VideoInfo video = new VideoInfo("replay", "reference landmarks", width, height, 0, frames, duration, 30, false, false);
        return new VideoPoseResult(video, "MediaPipe reference landmarks, replayed", frames, frames,
                new DecodeReport(frames, (frames - 1) / 30.0, duration, true, null), 0, s, s, new StageTimings());
    }
}
