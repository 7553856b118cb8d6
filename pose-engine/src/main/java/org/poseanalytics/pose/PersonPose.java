package org.poseanalytics.pose;

import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * One person in one frame as the pose model saw them. {@code world} is empty when the model gives no 3D
 * (HRNet); {@code score} is the pose presence (BlazePose) or the mean keypoint confidence (HRNet). Both lists are
 * immutable and hold float32 values (the models' own precision), so a value read back may differ from the double
 * given in the last bits.
 */
public record PersonPose(Skeleton skeleton, List<Keypoint> keypoints, List<WorldPoint> world,
                         BoundingBox box, double score) {

    public PersonPose {
        // Packed as float32 rather than copied as objects: every frame's poses stay in memory until the video ends.
        keypoints = PackedKeypoints.of(keypoints);
        world = PackedWorldPoints.of(world);
        if (keypoints.size() != skeleton.size()) {
            throw new IllegalArgumentException("expected " + skeleton.size() + " keypoints for " + skeleton
                    + ", got " + keypoints.size());
        }
    }

    public Keypoint keypoint(int landmark) { return keypoints.get(landmark); }

    public boolean hasWorld() { return !world.isEmpty(); }

    /**
     * Moves this pose's floats off the heap into {@code spill} (a long video's older frames, while tracking goes on);
     * the pose reads the same values back from there. Does nothing when already spilled.
     */
    public void spillTo(PoseSpill spill) {
        if (keypoints instanceof PackedFloats<?> k) k.spillTo(spill);
        if (world instanceof PackedFloats<?> w) w.spillTo(spill);
    }

    /** True once this pose's landmarks have moved to a spill file ({@link #spillTo}). */
    public boolean isSpilled() {
        return keypoints instanceof PackedFloats<?> k && k.isSpilled();
    }
}
