package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-max suppression: the best remaining detection absorbs every candidate overlapping it
 * by more than the IoU threshold, and the kept box and keypoints are their score-weighted mean (the score stays the
 * best one's). Averaging the neighbouring anchors steadies the hip centre and scale point that seed the ROI.
 */
public final class WeightedNms {
    private WeightedNms() {}

    public static List<Detection> apply(List<Detection> detections, double iouThreshold, int maxDetections) {
        List<Detection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        while (!remaining.isEmpty() && kept.size() < maxDetections) {
            Detection best = remaining.get(0);
            List<Detection> overlapping = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) (best.iou(d) > iouThreshold ? overlapping : rest).add(d);
            kept.add(weightedMean(best, overlapping));
            remaining = rest;
        }
        return kept;
    }

    private static Detection weightedMean(Detection best, List<Detection> group) {
        double total = 0, xMin = 0, yMin = 0, xMax = 0, yMax = 0;
        double[] kp = new double[best.keypoints().length];
        for (Detection d : group) {
            double s = d.score();
            total += s;
            xMin += s * d.xMin();
            yMin += s * d.yMin();
            xMax += s * (d.xMin() + d.width());
            yMax += s * (d.yMin() + d.height());
            for (int i = 0; i < kp.length; i++) kp[i] += s * d.keypoints()[i];
        }
        for (int i = 0; i < kp.length; i++) kp[i] /= total;
        return new Detection(best.score(), xMin / total, yMin / total, (xMax - xMin) / total, (yMax - yMin) / total, kp);
    }
}
