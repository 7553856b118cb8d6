package org.poseanalytics.pose.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small hand-made COCO cases: people as 17 keypoints around a centre, detections copied from them. */
final class CocoCases {
    private final List<CocoImage> images = new ArrayList<>();
    private final List<CocoAnnotation> annotations = new ArrayList<>();
    private final List<CocoDetection> detections = new ArrayList<>();

    CocoCases image(long id) {
        images.add(new CocoImage(id, id + ".jpg", 640, 480));
        return this;
    }

    /** A person with all 17 keypoints labelled, spread over a box at (cx, cy); area is COCO's 'area'. */
    CocoAnnotation person(long id, long imageId, double cx, double cy, double area) {
        double[] kps = new double[51];
        for (int k = 0; k < 17; k++) {
            kps[3 * k] = cx + (k % 3 - 1) * 10;
            kps[3 * k + 1] = cy + (k - 8) * 5;
            kps[3 * k + 2] = 2;
        }
        CocoAnnotation a = new CocoAnnotation(id, imageId, 1, kps, 17, area, new double[]{cx - 20, cy - 45, 40, 90}, false);
        annotations.add(a);
        return a;
    }

    CocoAnnotation add(CocoAnnotation a) {
        annotations.add(a);
        return a;
    }

    /** A region or person with no labelled keypoint: only its box matters to OKS. */
    CocoAnnotation unlabelled(long id, long imageId, double[] bbox, double area, boolean crowd) {
        CocoAnnotation a = new CocoAnnotation(id, imageId, 1, new double[51], 0, area, bbox, crowd);
        annotations.add(a);
        return a;
    }

    CocoCases detect(CocoAnnotation copyOf, double score) {
        return detect(copyOf.imageId(), copyOf.keypoints(), score);
    }

    CocoCases detect(long imageId, double[] keypoints, double score) {
        detections.add(new CocoDetection(imageId, 1, Arrays.copyOf(keypoints, keypoints.length), score));
        return this;
    }

    /** A detection with every keypoint at one point (its area, as pycocotools computes it, is 0). */
    CocoCases detectAt(long imageId, double x, double y, double score) {
        double[] kps = new double[51];
        for (int k = 0; k < 17; k++) { kps[3 * k] = x; kps[3 * k + 1] = y; kps[3 * k + 2] = 1; }
        return detect(imageId, kps, score);
    }

    CocoDataset dataset() { return new CocoDataset(images, annotations, List.of(1L)); }

    List<CocoDetection> detections() { return detections; }

    CocoKeypointStats evaluate() { return new CocoKeypointEvaluator().evaluate(dataset(), detections); }
}
