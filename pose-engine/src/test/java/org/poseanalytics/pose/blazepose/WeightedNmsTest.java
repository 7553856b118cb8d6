package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNmsTest {
    private static Detection box(double score, double x, double y, double size, double kx) {
        return new Detection(score, x, y, size, size, new double[]{kx, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void overlappingCandidatesMergeIntoTheirScoreWeightedMean() {
        Detection best = box(0.9, 0, 0, 100, 10);
        Detection near = box(0.6, 10, 0, 100, 20); // IoU ≈ 0.82 with best
        Detection far = box(0.8, 500, 500, 100, 30);
        List<Detection> kept = WeightedNms.apply(List.of(near, far, best), 0.3, 10);
        assertThat(kept).hasSize(2);
        Detection merged = kept.get(0);
        assertThat(merged.score()).isEqualTo(0.9);
        assertThat(merged.xMin()).isCloseTo((0.9 * 0 + 0.6 * 10) / 1.5, within(1e-9));
        assertThat(merged.width()).isCloseTo(100, within(1e-9));
        assertThat(merged.keypointX(0)).isCloseTo((0.9 * 10 + 0.6 * 20) / 1.5, within(1e-9));
        assertThat(kept.get(1).xMin()).isEqualTo(500);
    }

    @Test
    void boxesBelowTheIouThresholdStaySeparateAndTheLimitHolds() {
        Detection a = box(0.9, 0, 0, 100, 0);
        Detection b = box(0.7, 80, 0, 100, 0); // IoU = 20/180 ≈ 0.11
        assertThat(WeightedNms.apply(List.of(a, b), 0.3, 10)).hasSize(2);
        assertThat(WeightedNms.apply(List.of(a, b), 0.3, 1)).extracting(Detection::score).containsExactly(0.9);
    }
}
