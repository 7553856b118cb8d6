package org.poseanalytics.pose.hrnet;

import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.image.RgbImage;

/** One picture and the person boxes in it: the unit HRNet runs as one batch. */
public record HrnetInput(RgbImage image, List<BoundingBox> boxes) {
    public HrnetInput {
        boxes = List.copyOf(boxes);
    }
}
