package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.video.DecodeReport;

/**
 * One keypoint format: reads a file into our landmarks ({@link #read}), and as a {@link PoseSource} hands its frames to
 * the same tracking and kinematics as a video's (the request's "video" is the keypoint file or folder). No video is decoded
 * and no model runs.
 */
public interface KeypointReader extends PoseSource {

    /** The whole file in our landmarks, or one line saying why it cannot be. */
    ImportedKeypoints read(Path path) throws KeypointFileException;

    @Override
    default VideoPoseResult poses(AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress) throws AnalysisException {
        long start = System.nanoTime();
        ImportedKeypoints keypoints;
        try {
            keypoints = read(request.video());
        } catch (KeypointFileException e) {
            throw new AnalysisException(e.kind() == KeypointFileException.Kind.UNREADABLE ? Kind.UNREADABLE_VIDEO : Kind.BAD_REQUEST, e.getMessage(), e);
        }
        try {
            request.scale().validateInFrame(keypoints.width(), keypoints.height());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
        long readNs = System.nanoTime() - start;
        int n = keypoints.frames().size(), done = 0;
        for (FramePoses frame : keypoints.frames()) {
            frames.accept(frame);
            if (++done % 50 == 0 || done == n) progress.update(AnalysisProgress.Stage.POSES, AnalysisPipeline.POSES_SHARE * done / n, done, n);
        }
        double last = n == 0 ? Double.NaN : keypoints.frames().getLast().timeS();
        StageTimings stages = new StageTimings();
        stages.add("read", readNs);
        return new VideoPoseResult(keypoints.videoInfo(), keypoints.description(), n, keypoints.framesWithPose(),
                new DecodeReport(n, last, keypoints.videoInfo().durationS(), true, null),
                readNs / 1e9, 0, (System.nanoTime() - start) / 1e9, stages);
    }

    /** The reader of a format, with what the user said about the file. */
    static KeypointReader of(KeypointFormat format, ImportOptions options) {
        return switch (format) {
            case OPENPOSE -> new OpenPoseKeypoints(options);
            case MEDIAPIPE -> new MediaPipeKeypoints(options);
            case TRC -> new TrcKeypoints(options);
        };
    }

    /** The reader for a path: the format given, or else the one {@link KeypointFormat#detect} finds. */
    static KeypointReader forPath(Path path, KeypointFormat format, ImportOptions options) throws KeypointFileException {
        return of(format != null ? format : KeypointFormat.detect(path), options);
    }
}
