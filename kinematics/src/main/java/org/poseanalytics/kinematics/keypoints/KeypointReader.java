package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * One keypoint format: a first pass over a file learns its header ({@link #scan}), then its frames stream in our landmarks
 * one at a time. As a {@link PoseSource} it hands them to the same tracking and kinematics as a video's (the request's
 * "video" is the keypoint file or folder), so an hour-long file needs no more memory than a minute's. No video is decoded
 * and no model runs.
 */
public interface KeypointReader extends PoseSource {

    /** The first pass: the file's header, or one line saying why it cannot be read. No frame is kept. */
    KeypointStream scan(Path path) throws KeypointFileException;

    /** The whole file in memory: for small files (tests, tools). An analysis streams ({@link #poses}). */
    default ImportedKeypoints read(Path path) throws KeypointFileException {
        List<FramePoses> frames = new ArrayList<>();
        KeypointSummary summary = scan(path).frames(frames::add);
        return new ImportedKeypoints(summary, frames);
    }

    @Override
    default VideoPoseResult poses(AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress) throws AnalysisException {
        long start = System.nanoTime();
        KeypointStream stream;
        try {
            stream = scan(request.video());
        } catch (KeypointFileException e) {
            throw failure(e);
        }
        KeypointHeader header = stream.header();
        try {
            request.scale().validateInFrame(header.width(), header.height());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
        // The reading's share of the time is what the frames' consumer (tracking) did not take.
        final class Handing implements Consumer<FramePoses> {
            int done;
            long consumerNs;

            @Override
            public void accept(FramePoses frame) {
                long t = System.nanoTime();
                frames.accept(frame);
                int n = Math.max(header.frames(), ++done);
                if (done % 50 == 0 || done == n) progress.update(AnalysisProgress.Stage.POSES, AnalysisPipeline.POSES_SHARE * done / n, done, n);
                consumerNs += System.nanoTime() - t;
            }
        }
        Handing handing = new Handing();
        KeypointSummary summary;
        try {
            summary = stream.frames(handing);
        } catch (KeypointFileException e) {
            throw failure(e);
        }
        long totalNs = System.nanoTime() - start, readNs = totalNs - handing.consumerNs;
        StageTimings stages = new StageTimings();
        stages.add("read", readNs);
        int n = summary.frames();
        return new VideoPoseResult(summary.videoInfo(), summary.description(), n, summary.framesWithPose(),
                new DecodeReport(n, summary.lastTimeS(), summary.videoInfo().durationS(), true, null),
                readNs / 1e9, 0, totalNs / 1e9, stages);
    }

    /** A file that cannot be analysed as the analysis says it: the file itself, or an option only the user can give. */
    private static AnalysisException failure(KeypointFileException e) {
        return new AnalysisException(e.kind() == KeypointFileException.Kind.UNREADABLE ? Kind.UNREADABLE_VIDEO : Kind.BAD_REQUEST, e.getMessage(), e);
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
