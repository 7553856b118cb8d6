package org.poseanalytics.pose.eval;

import java.util.List;

/**
 * Per-keypoint accuracy over matched people. PCK@α counts a labelled keypoint as correct when it lies within
 * α · max(width, height) of the person's ground-truth box (bbox-normalised, as MMPose's PCKAccuracy with
 * norm_item 'bbox'; torso-normalised PCK is undefined for the many COCO people whose hips are unlabelled).
 * Ground-truth people that no prediction matched count as wrong in PCK and are left out of the mean errors.
 */
public record KeypointAccuracy(double alpha, int labelled, int correct, double[] meanErrorPx, int[] errorCount,
                               int people, int missedPeople) {

    public double pck() { return labelled == 0 ? Double.NaN : (double) correct / labelled; }

    /** Mean error over every matched labelled keypoint, in pixels. */
    public double overallMeanErrorPx() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < meanErrorPx.length; k++) {
            if (errorCount[k] > 0) { sum += meanErrorPx[k] * errorCount[k]; n += errorCount[k]; }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** A running tally, one matched or missed person at a time. */
    public static final class Tally {
        private final double alpha;
        private int labelled, correct, people, missed;
        private final double[] errorSum = new double[17];
        private final int[] errorCount = new int[17];

        public Tally(double alpha) { this.alpha = alpha; }

        /** {@code prediction} is x, y, v triples or null when no prediction matched this person. */
        public void add(CocoAnnotation gt, double[] prediction) {
            people++;
            if (prediction == null) missed++;
            double threshold = alpha * Math.max(gt.bbox()[2], gt.bbox()[3]);
            for (int k = 0; k < 17; k++) {
                if (gt.v(k) <= 0) continue;
                labelled++;
                if (prediction == null || prediction[3 * k + 2] <= 0 && prediction[3 * k] == 0 && prediction[3 * k + 1] == 0) continue;
                double error = Math.hypot(prediction[3 * k] - gt.x(k), prediction[3 * k + 1] - gt.y(k));
                errorSum[k] += error;
                errorCount[k]++;
                if (error <= threshold) correct++;
            }
        }

        public KeypointAccuracy result() {
            double[] mean = new double[17];
            for (int k = 0; k < 17; k++) mean[k] = errorCount[k] == 0 ? Double.NaN : errorSum[k] / errorCount[k];
            return new KeypointAccuracy(alpha, labelled, correct, mean, errorCount.clone(), people, missed);
        }
    }

    static List<String> jointNames() { return org.poseanalytics.pose.skeleton.Skeleton.COCO_17.names(); }
}
