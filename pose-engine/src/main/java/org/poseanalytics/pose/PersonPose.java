package org.poseanalytics.pose;

import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One person in one frame as the pose model saw them. {@code world} is empty when the model gives no 3D
 * (HRNet); {@code score} is the pose presence (BlazePose) or the mean keypoint confidence (HRNet).
 */
public record PersonPose(Skeleton skeleton, List<Keypoint> keypoints, List<WorldPoint> world,
                         BoundingBox box, double score) {

    public PersonPose {
        keypoints = List.copyOf(keypoints);
        world = List.copyOf(world);
        if (keypoints.size() != skeleton.size()) {
            throw new IllegalArgumentException("expected " + skeleton.size() + " keypoints for " + skeleton
                    + ", got " + keypoints.size());
        }
    }

    public Keypoint keypoint(int landmark) { return keypoints.get(landmark); }

    public boolean hasWorld() { return !world.isEmpty(); }
}
