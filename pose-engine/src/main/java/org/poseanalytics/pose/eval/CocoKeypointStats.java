package org.poseanalytics.pose.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The ten numbers pycocotools' {@code summarize()} reports for keypoints, in its order. A value of -1 means
 * "no ground truth to measure against" (e.g. no medium-sized person), as in pycocotools.
 */
public record CocoKeypointStats(double ap, double ap50, double ap75, double apMedium, double apLarge,
                                double ar, double ar50, double ar75, double arMedium, double arLarge) {

    /** The stats as pycocotools' {@code stats} array. */
    public List<Double> values() {
        return List.of(ap, ap50, ap75, apMedium, apLarge, ar, ar50, ar75, arMedium, arLarge);
    }

    public static List<String> names() {
        return List.of("AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl");
    }

    /** pycocotools' summarize() printout, line for line. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        List<Double> v = values();
        String[] iou = {"0.50:0.95", "0.50", "0.75", "0.50:0.95", "0.50:0.95"};
        String[] area = {"all", "all", "all", "medium", "large"};
        for (int i = 0; i < 10; i++) {
            boolean precision = i < 5;
            out.append(String.format(" %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s%n",
                    precision ? "Average Precision" : "Average Recall", precision ? "(AP)" : "(AR)",
                    iou[i % 5], area[i % 5], CocoKeypointEvaluator.MAX_DETS, threeDecimals(v.get(i))));
        }
        return out.toString();
    }

    /** Python's '{:0.3f}': the exact binary value rounded half-even, which String.format does not do. */
    static String threeDecimals(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
