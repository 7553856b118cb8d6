package org.poseanalytics.pose.hrnet;

import ai.djl.metric.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Raw HRNet throughput per batch size on the engine and device it loaded on, for {@code pose-analytics
 * bench}: the model's own time (DJL's "Inference" metric) apart from crop/normalise and decode.
 */
public final class HrnetBench {

    /** Medians over the timed runs; fps counts people (boxes) per second. */
    public record Result(String engine, String device, int batchSize, double preprocessMs, double inferenceMs,
                         double postprocessMs, double modelPersonsPerS, double endToEndPersonsPerS) {}

    private HrnetBench() {}

    public static List<Result> run(HrnetModel model, int[] batchSizes, int warmup, int iterations) {
        RgbImage image = new RgbImage(1280, 720, new byte[1280 * 720 * 3]);
        List<Result> results = new ArrayList<>();
        for (int batch : batchSizes) {
            if (batch > model.config().maxBatch()) {
                throw new IllegalArgumentException("batch " + batch + " exceeds the model's maxBatch " + model.config().maxBatch());
            }
            List<BoundingBox> boxes = new ArrayList<>();
            for (int i = 0; i < batch; i++) boxes.add(new BoundingBox(100 + 40 * i, 100, 300, 500));
            for (int i = 0; i < warmup; i++) model.estimate(image, boxes);
            model.resetMetrics();
            List<Double> total = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                model.estimate(image, boxes);
                total.add((System.nanoTime() - t0) / 1e6);
            }
            double inference = medianMs("Inference", model);
            double e2e = median(total);
            results.add(new Result(model.engine(), model.device().toString(), batch, medianMs("Preprocess", model),
                    inference, medianMs("Postprocess", model), batch * 1000 / inference, batch * 1000 / e2e));
        }
        return results;
    }

    private static double medianMs(String name, HrnetModel model) {
        List<Metric> metrics = model.metrics().getMetric(name);
        if (metrics == null || metrics.isEmpty()) return Double.NaN;
        List<Double> ms = new ArrayList<>();
        for (Metric m : metrics) ms.add(toMs(m));
        return median(ms);
    }

    private static double toMs(Metric m) {
        double v = m.getValue().doubleValue();
        return switch (m.getUnit()) {
            case MICROSECONDS -> v / 1e3;
            case MILLISECONDS -> v;
            default -> throw new IllegalStateException("unexpected unit " + m.getUnit() + " for " + m.getMetricName());
        };
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
