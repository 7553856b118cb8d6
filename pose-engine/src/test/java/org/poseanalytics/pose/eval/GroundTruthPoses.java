package org.poseanalytics.pose.eval;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;

/** A stand-in pose model that reports the annotated people, shifted by (dx, dy), in a chosen skeleton. */
public final class GroundTruthPoses implements ImagePoseSource {
    private final CocoDataset gt;
    private final double dx, dy;
    private final Skeleton skeleton;

    public GroundTruthPoses(CocoDataset gt, double dx, double dy, Skeleton skeleton) {
        this.gt = gt;
        this.dx = dx;
        this.dy = dy;
        this.skeleton = skeleton;
    }

    @Override
    public List<PersonPose> estimate(CocoImage meta, org.poseanalytics.pose.image.RgbImage image) {
        return posesOf(meta.id());
    }

    public List<PersonPose> posesOf(long imageId) {
        List<PersonPose> poses = new ArrayList<>();
        for (CocoAnnotation a : gt.annotationsOf(imageId)) {
            if (a.ignored()) continue;
            List<Keypoint> kps = new ArrayList<>();
            for (int i = 0; i < skeleton.size(); i++) kps.add(Keypoint.MISSING);
            for (int k = 0; k < 17; k++) {
                int at = skeleton.indexOf(Skeleton.COCO_17.name(k));
                // Unlabelled points are still guessed by a real model; put them somewhere plausible.
                double x = a.v(k) > 0 ? a.x(k) : a.bbox()[0] + a.bbox()[2] / 2, y = a.v(k) > 0 ? a.y(k) : a.bbox()[1] + a.bbox()[3] / 2;
                kps.set(at, new Keypoint(x + dx, y + dy, 0, 0.9, 0.9));
            }
            poses.add(new PersonPose(skeleton, kps, List.of(), new BoundingBox(a.bbox()[0], a.bbox()[1], a.bbox()[2], a.bbox()[3]), 0.9));
        }
        return poses;
    }
}
