package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import java.util.function.DoubleConsumer;
import org.poseanalytics.tracking.point.PointTrajectory;

/**
 * Where the paths of the request's picked points come from: followed through the video's frames in this process
 * ({@link VideoPoints}) or in a separate process that alone parses the untrusted file. Like {@link PoseSource}, the
 * rest of the data path does not care which.
 */
@FunctionalInterface
public interface PointSource {
    /**
     * Follows every point of {@code request.points()} through the request's video, in the order given, reporting the
     * fraction of this pass done (0 to 1) to {@code progress}.
     */
    List<PointTrajectory> track(AnalysisRequest request, DoubleConsumer progress) throws AnalysisException;
}
