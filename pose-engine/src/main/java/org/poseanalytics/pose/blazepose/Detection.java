package org.poseanalytics.pose.blazepose;

/**
 * One person found by the pose detector, in pixels of the frame: the box and BlazePose's four alignment points
 * (0 hip centre, 1 full-body scale point, 2 shoulder centre, 3 upper-body scale point) as {x0, y0, ..., x3, y3}.
 */
public record Detection(double score, double xMin, double yMin, double width, double height, double[] keypoints) {

    public double keypointX(int i) { return keypoints[2 * i]; }

    public double keypointY(int i) { return keypoints[2 * i + 1]; }

    double iou(Detection o) {
        double ix = Math.max(0, Math.min(xMin + width, o.xMin + o.width) - Math.max(xMin, o.xMin));
        double iy = Math.max(0, Math.min(yMin + height, o.yMin + o.height) - Math.max(yMin, o.yMin));
        double inter = ix * iy;
        double union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
