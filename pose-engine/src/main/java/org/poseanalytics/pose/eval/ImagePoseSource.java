package org.poseanalytics.pose.eval;

import java.util.List;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Where an evaluation gets each photo's people. Usually a {@link PoseEstimator}; the annotation entry is
 * passed too so that a top-down model can be fed ground-truth boxes when asked to (an oracle setting that
 * the report must name).
 */
@FunctionalInterface
public interface ImagePoseSource {
    List<PersonPose> estimate(CocoImage meta, RgbImage image);

    static ImagePoseSource of(PoseEstimator estimator) {
        return (meta, image) -> estimator.estimateImage(image);
    }
}
