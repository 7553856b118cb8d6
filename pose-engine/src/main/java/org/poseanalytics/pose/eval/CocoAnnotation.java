package org.poseanalytics.pose.eval;

/**
 * One ground-truth person of a COCO keypoint file. {@code keypoints} holds x, y, v triples (v = 0 not
 * labelled, 1 labelled but hidden, 2 visible); {@code area} is the segment area COCO uses as the OKS scale,
 * not the box area; {@code bbox} is x, y, width, height.
 */
public record CocoAnnotation(long id, long imageId, long categoryId, double[] keypoints, int numKeypoints,
                             double area, double[] bbox, boolean iscrowd) {

    public int keypointCount() { return keypoints.length / 3; }

    public double x(int k) { return keypoints[3 * k]; }

    public double y(int k) { return keypoints[3 * k + 1]; }

    public double v(int k) { return keypoints[3 * k + 2]; }

    /** Crowd regions and people with no labelled keypoint are never to be found (pycocotools' "ignore"). */
    public boolean ignored() { return iscrowd || numKeypoints == 0; }
}
