package org.poseanalytics.pose.eval;

/**
 * One detected person in COCO's results format: x, y, v triples (v is not used by the evaluation) and a
 * score that orders detections.
 */
public record CocoDetection(long imageId, long categoryId, double[] keypoints, double score) {

    public int keypointCount() { return keypoints.length / 3; }

    public double x(int k) { return keypoints[3 * k]; }

    public double y(int k) { return keypoints[3 * k + 1]; }

    /** The area pycocotools' loadRes gives a keypoint result: the box spanned by all its keypoints. */
    public double area() {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < keypointCount(); k++) {
            x0 = Math.min(x0, x(k)); x1 = Math.max(x1, x(k));
            y0 = Math.min(y0, y(k)); y1 = Math.max(y1, y(k));
        }
        return (x1 - x0) * (y1 - y0);
    }
}
