package org.poseanalytics.pose.models;

import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.eval.PoseEstimatorProvider;

/** The models this build ships (BlazePose) and HRNet from a user's file, for the evaluation commands' lookup. */
public final class BuiltInPoseModels implements PoseEstimatorProvider {
    @Override
    public boolean supports(String model) {
        return PoseModels.names().contains(model) || model.startsWith(PoseModels.HRNET_PREFIX);
    }

    @Override
    public PoseEstimator create(String model) { return PoseModels.open(model); }
}
