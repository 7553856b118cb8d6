package org.poseanalytics.pose.eval;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * Any of our skeletons as COCO's 17 keypoints. BlazePose-33 contains every COCO landmark under the same
 * name (nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles), so the mapping is by name; its
 * extra points (eye corners, mouth, hands, heels, feet) are dropped.
 */
public final class Coco17 {
    private Coco17() {}

    /** For each COCO-17 landmark, its index in {@code from}. */
    public static int[] indicesIn(Skeleton from) {
        int[] idx = new int[Skeleton.COCO_17.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = from.indexOf(Skeleton.COCO_17.name(k));
            if (idx[k] < 0) throw new IllegalArgumentException(from + " has no " + Skeleton.COCO_17.name(k));
        }
        return idx;
    }

    public static PersonPose of(PersonPose pose) {
        if (pose.skeleton() == Skeleton.COCO_17) return pose;
        int[] idx = indicesIn(pose.skeleton());
        List<Keypoint> keypoints = new ArrayList<>(idx.length);
        for (int i : idx) keypoints.add(pose.keypoint(i));
        // World points (BlazePose) are not COCO's business; keep only the image keypoints.
        return new PersonPose(Skeleton.COCO_17, keypoints, List.of(), pose.box(), pose.score());
    }

    /** COCO results triples x, y, v; a missing keypoint is written as 0, 0, 0 like COCO's unlabelled ones. */
    public static double[] resultTriples(PersonPose coco17) {
        double[] out = new double[51];
        for (int k = 0; k < 17; k++) {
            Keypoint p = coco17.keypoint(k);
            if (p.isMissing()) continue;
            out[3 * k] = p.x();
            out[3 * k + 1] = p.y();
            out[3 * k + 2] = p.visibility();
        }
        return out;
    }
}
