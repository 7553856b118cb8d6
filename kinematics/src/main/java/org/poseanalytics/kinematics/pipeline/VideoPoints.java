package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.poseanalytics.kinematics.pipeline.AnalysisException.Kind;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;
import org.poseanalytics.tracking.point.PointTracker;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.VideoFrames;

/** Points followed here, in this process, through the request's video decoded in gray (rotation applied as for the poses). */
public final class VideoPoints implements PointSource {

    @Override
    public List<PointTrajectory> track(AnalysisRequest request, DoubleConsumer progress) throws AnalysisException {
        if (request.points().isEmpty()) return List.of();
        try {
            VideoSource source = VideoSource.of(request.video(), request.limits());
            // The tracker reads forward and, for a point picked mid-video, backwards in chunks: count every frame read
            // against roughly two passes.
            boolean backwards = request.points().stream().anyMatch(p -> p.timeS() > 0.05);
            double expected = Math.max(1, source.info().frames()) * (backwards ? 2.0 : 1.0);
            AtomicLong read = new AtomicLong();
            List<PointTrajectory> paths = new PointTracker().track(VideoFrames.onEachFrame(source::gray, () -> {
                long n = read.incrementAndGet();
                if (n % 10 == 0) progress.accept(Math.min(0.99, n / expected));
            }), request.points());
            progress.accept(1.0);
            return paths;
        } catch (UnreadableVideoException e) {
            throw new AnalysisException(Kind.UNREADABLE_VIDEO, request.video().getFileName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }
}
