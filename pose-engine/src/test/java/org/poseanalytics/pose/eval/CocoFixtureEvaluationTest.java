package org.poseanalytics.pose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.testing.Fixtures;

/** The shared COCO val2017 sample evaluated against its own annotations, exact and perturbed. */
class CocoFixtureEvaluationTest {

    private static List<CocoAnnotation> labelledPeople(CocoDataset gt) {
        // People with no labelled keypoint are ignored by the evaluation; a detector would not report them.
        return gt.annotations().stream().filter(a -> !a.ignored()).toList();
    }

    @Test
    void groundTruthAgainstItselfIsPerfect() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        List<CocoDetection> dts = labelledPeople(gt).stream()
                .map(a -> new CocoDetection(a.imageId(), a.categoryId(), a.keypoints(), 1.0)).toList();
        assertThat(dts).hasSize(12);
        CocoKeypointStats s = new CocoKeypointEvaluator().evaluate(gt, dts);
        for (double v : s.values()) assertThat(v).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void perturbedCopyScoresWhatItsOwnOksValuesImply() {
        CocoDataset gt = CocoJson.readDataset(Fixtures.cocoAnnotations());
        List<CocoAnnotation> people = labelledPeople(gt);
        List<CocoDetection> dts = new ArrayList<>();
        double[] oks = new double[people.size()];
        for (int i = 0; i < people.size(); i++) {
            CocoAnnotation a = people.get(i);
            double[] kps = a.keypoints().clone();
            // Each person gets its own error size, a fraction of its scale, in a fixed zig-zag pattern.
            double scale = Math.sqrt(a.area()) * 0.012 * (i + 1);
            for (int k = 0; k < 17; k++) {
                kps[3 * k] += scale * ((k % 2 == 0) ? 1 : -0.5);
                kps[3 * k + 1] += scale * ((k % 3 == 0) ? -1 : 0.7);
            }
            oks[i] = independentOks(a, kps);
            // Score = OKS so that ranking by score ranks by quality: the true positives at any threshold then
            // come first, precision is 1 up to recall m/N and nothing beyond.
            dts.add(new CocoDetection(a.imageId(), a.categoryId(), kps, oks[i]));
        }
        for (int i = 0; i < people.size(); i++) {
            for (CocoAnnotation other : people) {
                if (other != people.get(i) && other.imageId() == people.get(i).imageId()) {
                    assertThat(Oks.between(other, dts.get(i))).as("precondition: no detection fits another person").isLessThan(0.5);
                }
            }
        }
        int n = people.size();
        double apSum = 0, arSum = 0, ap50 = 0, ap75 = 0;
        for (int t = 0; t < 10; t++) {
            double threshold = 0.5 + 0.05 * t;
            int m = 0;
            for (double o : oks) if (o >= threshold - 1e-12) m++;
            double recall = (double) m / n;
            int reachable = 0;
            for (int r = 0; r <= 100; r++) if (r * 0.01 <= recall) reachable++;
            double ap = reachable / 101.0 / (1 + Math.ulp(1.0));
            apSum += ap;
            arSum += recall;
            if (t == 0) ap50 = ap;
            if (t == 5) ap75 = ap;
        }
        CocoKeypointStats s = new CocoKeypointEvaluator().evaluate(gt, dts);
        assertThat(s.ap()).isCloseTo(apSum / 10, within(1e-9)).isBetween(0.1, 0.95);
        assertThat(s.ap50()).isCloseTo(ap50, within(1e-9));
        assertThat(s.ap75()).isCloseTo(ap75, within(1e-9));
        assertThat(s.ar()).isCloseTo(arSum / 10, within(1e-9));
    }

    /** OKS written out straight from the COCO definition, separate from the code under test. */
    private static double independentOks(CocoAnnotation a, double[] dt) {
        double[] sigmas = {.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89};
        double sum = 0;
        int labelled = 0;
        for (int k = 0; k < 17; k++) {
            if (a.v(k) <= 0) continue;
            double kappa = 2 * sigmas[k] / 10;
            double d2 = Math.pow(dt[3 * k] - a.x(k), 2) + Math.pow(dt[3 * k + 1] - a.y(k), 2);
            sum += Math.exp(-d2 / (2 * a.area() * kappa * kappa));
            labelled++;
        }
        return sum / labelled;
    }
}
