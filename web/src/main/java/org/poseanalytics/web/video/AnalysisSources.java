package org.poseanalytics.web.video;

import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.PointSource;
import org.poseanalytics.kinematics.pipeline.PoseSource;

/**
 * Where this node's analyses get their poses and followed points from ({@code pose.decode.isolation}): a separate
 * worker process per job ({@link IsolatedAnalysis}) or this JVM.
 */
public record AnalysisSources(PoseSource poses, PointSource points) {
    /** The shared data path, fed from these sources. */
    public AnalysisPipeline pipeline() { return new AnalysisPipeline(poses, points); }
}
