package org.poseanalytics.kinematics.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.keypoints.FrameSize;
import org.poseanalytics.kinematics.keypoints.ImportOptions;
import org.poseanalytics.kinematics.keypoints.ImportedKeypoints;
import org.poseanalytics.kinematics.keypoints.KeypointFileException;
import org.poseanalytics.kinematics.keypoints.MediaPipeKeypoints;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
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
 * A video of any length analysed in minutes instead of the hours the model would take: the squat fixture's MediaPipe
 * reference landmarks (image and world, 65 frames at 5 fps) replayed at 30 fps as the 1080p30 benchmark video made from
 * the fixture shows them (each frame 6 times, looped), as fresh objects for every frame as the pose model hands them
 * over, through the same {@link AnalysisPipeline} {@code analyze} and the web job run. For the memory of everything
 * after the model (cli's LongVideoMemory) and the store of an hour's real results (web's AnalysisStoreBenchmarkTest).
 */
public final class ReplayedSquat {
    private final List<PersonPose> cycle;
    private final int width, height;
    private final Path fixtures;

    private ReplayedSquat(List<PersonPose> cycle, int width, int height, Path fixtures) {
        this.cycle = cycle;
        this.width = width;
        this.height = height;
        this.fixtures = fixtures;
    }

    /** The reference landmarks of the fixture folder {@code mediapipe-squats}. */
    public static ReplayedSquat of(Path fixtures) throws KeypointFileException {
        ImportedKeypoints ref = new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(720, 1280), fixtures.resolve("pose_squats_3d.full.json")))
                .read(fixtures.resolve("pose_squats.full.json"));
        List<PersonPose> cycle = new ArrayList<>();
        for (FramePoses f : ref.frames()) cycle.add(f.persons().getFirst());
        return new ReplayedSquat(cycle, ref.width(), ref.height(), fixtures);
    }

    /** {@code minutes} of the squat at 30 fps through the whole analysis, as a squat session's job runs it. */
    public AnalysisResult analyse(double minutes) throws AnalysisException {
        return analyse(Math.round(minutes * 60 * 30), 0, 0);
    }

    /**
     * {@code frames} of the squat with {@code emptyBefore} frames before and {@code emptyAfter} after in which nobody is
     * in view (the camera started before the person stepped in, and stopped after they left).
     */
    public AnalysisResult analyse(long frames, long emptyBefore, long emptyAfter) throws AnalysisException {
        PoseSource replay = (request, sink, progress) -> replay(frames, emptyBefore, emptyAfter, sink);
        AnalysisRequest request = new AnalysisRequest(fixtures.resolve("pose_squats.mp4"), "replay", Exercise.parse("squat"), null,
                List.of(), 1, null, VideoLimits.DEFAULTS, new ScaleSpec.None());
        return new AnalysisPipeline(replay).run(request, AnalysisProgress.NONE);
    }

    /** Frame i of the squat shows reference frame (i / 6) mod 65, as new objects, so nothing is shared between frames. */
    private VideoPoseResult replay(long squatFrames, long emptyBefore, long emptyAfter, Consumer<FramePoses> sink) {
        int n = cycle.size();
        long start = System.nanoTime();
        long frames = emptyBefore + squatFrames + emptyAfter;
        for (long i = 0; i < frames; i++) {
            if (i < emptyBefore || i >= emptyBefore + squatFrames) {
                sink.accept(new FramePoses(i, i / 30.0, width, height, List.of()));
                continue;
            }
            PersonPose p = cycle.get((int) (((i - emptyBefore) / 6) % n));
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
        return new VideoPoseResult(video, "MediaPipe reference landmarks, replayed", frames, squatFrames,
                new DecodeReport(frames, (frames - 1) / 30.0, duration, true, null), 0, s, s, new StageTimings());
    }
}
