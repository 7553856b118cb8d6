package org.poseanalytics.pose.hrnet;

import java.util.List;
import org.poseanalytics.pose.PersonPose;

/** One COCO-17 pose per input box, in the same order. */
public record HrnetOutput(List<PersonPose> poses) {
    public HrnetOutput {
        poses = List.copyOf(poses);
    }
}
