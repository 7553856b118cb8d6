package org.poseanalytics.kinematics.keypoints;

import java.util.Arrays;
import java.util.List;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.WorldPoint;

/** One imported person in our landmarks: what the file gave, every other landmark missing. */
final class Persons {
    private Persons() {}

    /** An empty set of our landmarks, every one missing, to fill with what the file has. */
    static Keypoint[] missing() {
        Keypoint[] k = new Keypoint[BodyParts.SKELETON.size()];
        Arrays.fill(k, Keypoint.MISSING);
        return k;
    }

    static WorldPoint[] missingWorld() {
        WorldPoint[] w = new WorldPoint[BodyParts.SKELETON.size()];
        Arrays.fill(w, new WorldPoint(Double.NaN, Double.NaN, Double.NaN));
        return w;
    }

    /**
     * The person, or null when the file had none of our landmarks for them. Their box spans the landmarks present; their
     * score is the mean visibility of those (as HRNet's is the mean keypoint confidence).
     */
    static PersonPose of(Keypoint[] keypoints, WorldPoint[] world) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        double score = 0;
        int present = 0;
        for (Keypoint k : keypoints) {
            if (k.isMissing()) continue;
            x0 = Math.min(x0, k.x()); y0 = Math.min(y0, k.y()); x1 = Math.max(x1, k.x()); y1 = Math.max(y1, k.y());
            score += k.visibility();
            present++;
        }
        if (present == 0) return null;
        return new PersonPose(BodyParts.SKELETON, List.of(keypoints), world == null ? List.of() : List.of(world),
                new BoundingBox(x0, y0, x1 - x0, y1 - y0), score / present);
    }
}
