package org.poseanalytics.kinematics.pipeline;

import java.util.function.Consumer;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress.Stage;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.model.ModelNotFoundException;
import org.poseanalytics.pose.models.PoseModels;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.pipeline.VideoPoseRunner;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;

/** Poses estimated here, in this process: decode the request's video and run its pose model on every frame. */
public final class VideoPoses implements PoseSource {

    @Override
    public VideoPoseResult poses(AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress)
            throws AnalysisException {
        try {
            // The video's header against the limits first: a file over them is refused before a model loads or a frame decodes.
            VideoSource video = VideoSource.of(request.video(), request.limits());
            // A scale line outside the frame is refused before a model loads, so a bad request costs nothing.
            request.scale().validateInFrame(video.info().width(), video.info().height());
            try (PoseEstimator estimator = PoseModels.open(request.model(), request.threads())) {
                return VideoPoseRunner.run(video, estimator, frames::accept, p -> {
                    double fraction = p.framesTotal() > 0 ? Math.min(1, p.framesDone() / (double) p.framesTotal()) : 0;
                    progress.update(Stage.POSES, fraction * AnalysisPipeline.POSES_SHARE, p.framesDone(), p.framesTotal());
                });
            }
        } catch (UnreadableVideoException e) {
            throw new AnalysisException(Kind.UNREADABLE_VIDEO, request.video().getFileName() + ": " + e.getMessage(), e);
        } catch (ModelNotFoundException e) {
            throw new AnalysisException(Kind.MODEL_UNAVAILABLE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }
}
