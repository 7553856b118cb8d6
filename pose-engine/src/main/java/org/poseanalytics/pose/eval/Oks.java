package org.poseanalytics.pose.eval;

/**
 * Object keypoint similarity exactly as pycocotools' {@code computeOks}: per keypoint
 * exp(-d² / (2 · area · (2σ)²)) averaged over the labelled ground-truth keypoints, with σ the COCO
 * per-keypoint constants / 10. A ground truth with no labelled keypoint is compared through the distance
 * of each detected keypoint outside its box grown by one box size on every side.
 */
public final class Oks {
    /** COCO's per-keypoint sigmas (nose … right ankle), already divided by 10. */
    public static final double[] COCO_SIGMAS = {
            .026, .025, .025, .035, .035, .079, .079, .072, .072, .062, .062, .107, .107, .087, .087, .089, .089};

    /** numpy's np.spacing(1), added to the area so that zero-area people do not divide by zero. */
    private static final double EPS = Math.ulp(1.0);

    private Oks() {}

    public static double between(CocoAnnotation gt, CocoDetection dt) {
        return between(gt, dt.keypoints());
    }

    public static double between(CocoAnnotation gt, double[] dt) {
        int k = COCO_SIGMAS.length;
        if (gt.keypointCount() != k || dt.length / 3 != k) {
            throw new IllegalArgumentException("OKS needs " + k + " COCO keypoints, got " + gt.keypointCount()
                    + " (ground truth) and " + dt.length / 3 + " (detection)");
        }
        int labelled = 0;
        for (int i = 0; i < k; i++) if (gt.v(i) > 0) labelled++;
        double[] bb = gt.bbox();
        double x0 = bb[0] - bb[2], x1 = bb[0] + bb[2] * 2;
        double y0 = bb[1] - bb[3], y1 = bb[1] + bb[3] * 2;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < k; i++) {
            double xd = dt[3 * i], yd = dt[3 * i + 1];
            double dx, dy;
            if (labelled > 0) {
                if (gt.v(i) <= 0) continue;
                dx = xd - gt.x(i);
                dy = yd - gt.y(i);
            } else {
                dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
                dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
            }
            double variance = (COCO_SIGMAS[i] * 2) * (COCO_SIGMAS[i] * 2);
            // Same order of operations as numpy: (dx² + dy²) / vars / (area + eps) / 2.
            double e = (dx * dx + dy * dy) / variance / (gt.area() + EPS) / 2;
            sum += Math.exp(-e);
            n++;
        }
        return sum / n;
    }
}
