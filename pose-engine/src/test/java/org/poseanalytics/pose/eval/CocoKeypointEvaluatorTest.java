package org.poseanalytics.pose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand from pycocotools' algorithm (comments give the derivation), so
 * each test fails if one of its rules (crowd, ignore, area ranges, ranking, 101-point interpolation) is
 * missing.
 */
class CocoKeypointEvaluatorTest {
    private static final double TOL = 1e-12;

    private static void assertStats(CocoKeypointStats s, double... expected) {
        List<Double> v = s.values();
        for (int i = 0; i < 10; i++) {
            assertThat(v.get(i)).as(CocoKeypointStats.names().get(i)).isCloseTo(expected[i], within(TOL));
        }
    }

    @Test
    void perfectDetectionOfOneLargePersonScoresOneAndMediumHasNothingToMeasure() {
        CocoCases c = new CocoCases().image(1);
        c.detect(c.person(10, 1, 100, 100, 20_000), 0.9);
        // The only person is large: the medium range ignores it, so APm/ARm have no ground truth: -1.
        assertStats(c.evaluate(), 1, 1, 1, -1, 1, 1, 1, 1, -1, 1);
    }

    @Test
    void oksUsesSigmaTimesTwoSquaredAndTheAnnotationArea() {
        double[] kps = new double[51];
        kps[2] = 2;                         // nose at (0, 0)
        kps[3 * 11 + 2] = 2;                // left hip at (0, 0)
        CocoAnnotation gt = new CocoAnnotation(1, 1, 1, kps, 2, 1000, new double[]{0, 0, 10, 10}, false);
        double[] dt = new double[51];
        dt[0] = 3;                          // nose 3 px off: e = 9 / (4·0.026²) / 1000 / 2 = 1.66420 → 0.189342
        dt[3 * 11 + 1] = 10;                // hip 10 px off: e = 100 / (4·0.107²) / 1000 / 2 = 1.09180 → 0.335613
        dt[3 * 5] = 500;                    // an unlabelled ground-truth point does not count, wherever it lands
        assertThat(Oks.between(gt, dt)).isCloseTo((0.18934184699220136 + 0.33561238) / 2, within(1e-7));
    }

    @Test
    void oksOfAPersonWithoutLabelledKeypointsMeasuresDistanceOutsideTheGrownBox() {
        CocoAnnotation gt = new CocoAnnotation(1, 1, 1, new double[51], 0, 1000, new double[]{100, 100, 10, 10}, false);
        double[] inside = new double[51];
        for (int k = 0; k < 17; k++) { inside[3 * k] = 91; inside[3 * k + 1] = 119; } // box grown to [90, 120]²
        assertThat(Oks.between(gt, inside)).isEqualTo(1.0);
        double[] outside = inside.clone();
        outside[0] = 87;                    // nose 3 px left of the grown box: same e as 3 px off for the nose
        assertThat(Oks.between(gt, outside)).isCloseTo((16 + 0.18934184699220136) / 17, within(1e-12));
    }

    @Test
    void oksBetweenThresholdsCountsAtTheLowerHalfOfThem() {
        // One labelled keypoint (nose) on a medium person; the detection is placed so OKS = 0.72:
        // TP at IoU .50 … .70 (5 thresholds, precision 1 everywhere), miss at .75 … .95 (precision 0).
        double area = 5000, sigma = 0.026;
        double offset = Math.sqrt(-Math.log(0.72) * 8 * sigma * sigma * area);
        double[] kps = new double[51];
        kps[0] = 300; kps[1] = 200; kps[2] = 2;
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation gt = c.add(new CocoAnnotation(5, 1, 1, kps, 1, area, new double[]{250, 150, 100, 100}, false));
        double[] dt = gt.keypoints().clone();
        dt[0] += offset;
        c.detect(1, dt, 0.8);
        assertStats(c.evaluate(), 0.5, 1, 0, 0.5, -1, 0.5, 1, 0, 0.5, -1);
    }

    @Test
    void unmatchedDetectionsOutsideTheAreaRangeAreIgnoredThere() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation medium = c.person(1, 1, 100, 100, 5000);
        c.person(2, 1, 400, 100, 20_000);
        c.detect(medium, 0.9);
        c.detectAt(1, 1000, 1000, 0.95);    // far from everyone; all keypoints at one point → area 0
        // all:    ranked [FP, TP] → recall [0, .5], precision [0, .5] → monotone [.5, .5]; 51 recall points
        //         (0, .01 … .50) read .5 → AP = 51·.5/101; AR = .5.
        // medium: the large person is ignored, the FP's area 0 is outside [32², 96²] → ignored → AP = AR = 1.
        // large:  the medium person is ignored, its detection matches it and is ignored; the FP is ignored
        //         for its area; the large person is missed → AP = AR = 0.
        double ap = 51 * 0.5 / 101;
        assertStats(c.evaluate(), ap, ap, ap, 1, 0, 0.5, 0.5, 0.5, 1, 0);
    }

    @Test
    void detectionsInACrowdRegionAreNeitherHitsNorFalsePositives() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation person = c.person(1, 1, 100, 100, 20_000);
        c.unlabelled(2, 1, new double[]{400, 300, 100, 100}, 8000, true);
        c.detectAt(1, 450, 350, 0.9);
        c.detectAt(1, 460, 340, 0.8);       // a crowd region absorbs any number of detections
        c.detect(person, 0.5);
        assertStats(c.evaluate(), 1, 1, 1, -1, 1, 1, 1, 1, -1, 1);
    }

    @Test
    void theSameDetectionsOutsideACrowdRegionAreFalsePositives() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation person = c.person(1, 1, 100, 100, 20_000);
        c.detectAt(1, 450, 350, 0.9);
        c.detectAt(1, 460, 340, 0.8);
        c.detect(person, 0.5);
        // ranked [FP, FP, TP]: precision at recall 1 is 1/3 everywhere. In the large range the two false
        // positives (area 0) are unmatched and outside it, so they are ignored there: APl = 1.
        assertStats(c.evaluate(), 1.0 / 3, 1.0 / 3, 1.0 / 3, -1, 1, 1, 1, 1, -1, 1);
    }

    @Test
    void personsWithoutLabelledKeypointsAreIgnoredNotMissed() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation person = c.person(1, 1, 100, 100, 20_000);
        c.unlabelled(2, 1, new double[]{400, 300, 100, 100}, 8000, false);
        c.detect(person, 0.5);
        c.detectAt(1, 450, 350, 0.9);       // on the unlabelled person: matched to an ignored one → ignored
        assertStats(c.evaluate(), 1, 1, 1, -1, 1, 1, 1, 1, -1, 1);
    }

    @Test
    void tiedScoresKeepTheirOrderInTheResultsFile() {
        CocoCases falseFirst = new CocoCases().image(1);
        CocoAnnotation p = falseFirst.person(1, 1, 100, 100, 20_000);
        falseFirst.detectAt(1, 1000, 1000, 0.5).detect(p, 0.5);
        // [FP, TP]: recall [0, 1], precision [0, .5] → [.5, .5] → AP .5
        assertThat(falseFirst.evaluate().ap()).isCloseTo(0.5, within(TOL));

        CocoCases trueFirst = new CocoCases().image(1);
        CocoAnnotation q = trueFirst.person(1, 1, 100, 100, 20_000);
        trueFirst.detect(q, 0.5).detectAt(1, 1000, 1000, 0.5);
        // [TP, FP]: recall [1, 1], precision [1, .5] → AP 1
        assertThat(trueFirst.evaluate().ap()).isCloseTo(1, within(TOL));
    }

    @Test
    void aFalsePositiveOnAnImageWithoutPeopleCountsAgainstPrecision() {
        CocoCases c = new CocoCases().image(1).image(2);
        c.detect(c.person(1, 1, 100, 100, 20_000), 0.5);
        c.detectAt(2, 100, 100, 0.9);
        // all: [FP, TP] → AP .5; large: the false positive's area 0 is outside the range → ignored → APl 1.
        assertStats(c.evaluate(), 0.5, 0.5, 0.5, -1, 1, 1, 1, 1, -1, 1);
    }

    @Test
    void noDetectionsGivesZeroWhereThereArePeopleAndMinusOneWhereThereAreNone() {
        CocoCases c = new CocoCases().image(1);
        c.person(1, 1, 100, 100, 20_000);
        assertStats(c.evaluate(), 0, 0, 0, -1, 0, 0, 0, 0, -1, 0);

        CocoCases empty = new CocoCases().image(1);
        empty.detectAt(1, 10, 10, 0.9);
        assertStats(empty.evaluate(), -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    }

    @Test
    void onlyTheTwentyBestScoredDetectionsPerImageCount() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation p = c.person(1, 1, 100, 100, 20_000);
        for (int i = 0; i < 20; i++) c.detectAt(1, 1000 + i, 1000, 0.9);
        c.detect(p, 0.1);                   // the 21st: never looked at
        assertStats(c.evaluate(), 0, 0, 0, -1, 0, 0, 0, 0, -1, 0);
    }

    @Test
    void aSecondDetectionOfTheSamePersonIsAFalsePositive() {
        CocoCases c = new CocoCases().image(1);
        CocoAnnotation p = c.person(1, 1, 100, 100, 20_000);
        c.detect(p, 0.9).detect(p, 0.8);
        // [TP, FP] → AP 1 (precision 1 reaches recall 1 first), AR 1
        assertStats(c.evaluate(), 1, 1, 1, -1, 1, 1, 1, 1, -1, 1);
        CocoCases d = new CocoCases().image(1);
        CocoAnnotation q = d.person(1, 1, 100, 100, 20_000);
        double[] worse = q.keypoints().clone();
        worse[0] += 4;                      // the better copy ranks lower: the worse one takes the person
        d.detect(1, worse, 0.9).detect(q, 0.8);
        assertThat(d.evaluate().ap()).isLessThan(1).isGreaterThan(0.5);
    }

    @Test
    void resultsForImagesNotInTheAnnotationsAreRejected() {
        CocoCases c = new CocoCases().image(1);
        c.person(1, 1, 100, 100, 20_000);
        c.detectAt(7, 1, 1, 0.5);
        assertThatThrownBy(c::evaluate).isInstanceOf(CocoFormatException.class).hasMessageContaining("image_id 7");
    }

    @Test
    void summaryHasPycocotoolsLayout() {
        CocoKeypointStats s = new CocoKeypointStats(0.12345, 1, 0.5, -1, 0.0005, 0.9996, 0, 0, 0, 0);
        String[] lines = s.summary().split("\\R");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).isEqualTo(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 0.123");
        assertThat(lines[1]).isEqualTo(" Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets= 20 ] = 1.000");
        assertThat(lines[3]).isEqualTo(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets= 20 ] = -1.000");
        // 0.0005 is stored as 0.000500000000000000010…: Python prints 0.001, as does the exact value rounded.
        assertThat(lines[4]).isEqualTo(" Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets= 20 ] = 0.001");
        assertThat(lines[5]).isEqualTo(" Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 1.000");
        assertThat(lines[7]).isEqualTo(" Average Recall     (AR) @[ IoU=0.75      | area=   all | maxDets= 20 ] = 0.000");
        // 0.1235 is stored just below: Python prints 0.123 where String.format would print 0.124.
        assertThat(CocoKeypointStats.threeDecimals(0.1235)).isEqualTo("0.123");
    }

    @Test
    void thresholdsAreBuiltLikeNumpyLinspace() {
        assertThat(CocoKeypointEvaluator.IOU_THRESHOLDS).hasSize(10);
        assertThat(CocoKeypointEvaluator.IOU_THRESHOLDS[5]).isEqualTo(0.75);
        assertThat(CocoKeypointEvaluator.RECALL_THRESHOLDS).hasSize(101);
        assertThat(Arrays.stream(CocoKeypointEvaluator.RECALL_THRESHOLDS).filter(r -> r <= 0.5).count()).isEqualTo(51);
    }
}
