package org.poseanalytics.kinematics.pipeline;

import java.util.function.Consumer;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.pipeline.VideoPoseResult;

/**
 * Where a video's poses come from: estimated from its frames in this process ({@link VideoPoses}), in a separate
 * process that alone parses the untrusted file, or read from keypoints another tool made. The rest of the data path
 * (tracking, scale, kinematics) is the same whichever it is, so the numbers are too.
 */
@FunctionalInterface
public interface PoseSource {
    /**
     * Streams every frame's poses into {@code frames}, in frame order, reporting progress as it goes, and says what the
     * pass did. {@code frames} may throw to stop the pass (a cancelled job); a source lets that through unchanged.
     */
    VideoPoseResult poses(AnalysisRequest request, Consumer<FramePoses> frames, AnalysisProgress progress) throws AnalysisException;
}
