package org.poseanalytics.pose.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.skeleton.Skeleton;

class HeatmapCodecTest {
    private static final double[] XS = {20.3, 7.8, 40.45};
    private static final double[] YS = {30.7, 50.2, 12.05};
    private static final boolean[] ALL = {true, true, true};

    private static Heatmaps gaussians() {
        return new HeatmapCodec(2, Refinement.NONE).encode(XS, YS, ALL, 64, 48);
    }

    @Test
    void darkRecoversSubCellCentresOfGaussians() {
        List<HeatmapPeak> peaks = new HeatmapCodec(2, Refinement.DARK).decode(gaussians());
        for (int k = 0; k < 3; k++) {
            assertThat(peaks.get(k).x()).isCloseTo(XS[k], within(0.02));
            assertThat(peaks.get(k).y()).isCloseTo(YS[k], within(0.02));
            assertThat(peaks.get(k).score()).isGreaterThan(0.8f).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void argmaxAloneIsOffByTheQuantisationAndQuarterOffsetHalvesIt() {
        List<HeatmapPeak> plain = new HeatmapCodec(2, Refinement.NONE).decode(gaussians());
        List<HeatmapPeak> quarter = new HeatmapCodec(2, Refinement.QUARTER_OFFSET).decode(gaussians());
        assertThat(plain.get(0).x()).isEqualTo(20);
        assertThat(plain.get(0).y()).isEqualTo(31);
        assertThat(quarter.get(0).x()).isEqualTo(20.25);
        assertThat(quarter.get(0).y()).isEqualTo(30.75);
        assertThat(plain.get(2).x()).isEqualTo(40);
        assertThat(quarter.get(2).x()).isEqualTo(40.25);
    }

    @Test
    void aPeakAtTheBorderDecodesWithoutRefinementInsteadOfFailing() {
        Heatmaps h = new HeatmapCodec(2, Refinement.NONE).encode(new double[]{0.2}, new double[]{63}, new boolean[]{true}, 64, 48);
        HeatmapPeak p = new HeatmapCodec(2, Refinement.DARK).decode(h).get(0);
        assertThat(p.x()).isEqualTo(0);
        assertThat(p.y()).isEqualTo(63);
    }

    @Test
    void anEmptyChannelHasScoreZero() {
        Heatmaps h = new HeatmapCodec(2, Refinement.NONE).encode(XS, YS, new boolean[]{true, false, true}, 64, 48);
        assertThat(HeatmapCodec.hrnetDefault().decode(h).get(1).score()).isZero();
    }

    @Test
    void flippedBackHeatmapsSwapSidesAndLandOnTheMirroredCell() {
        Skeleton coco = Skeleton.COCO_17;
        int leftShoulder = coco.indexOf("left_shoulder"), rightShoulder = coco.indexOf("right_shoulder");
        double[] xs = new double[17], ys = new double[17];
        boolean[] visible = new boolean[17];
        xs[leftShoulder] = 10; ys[leftShoulder] = 20; visible[leftShoulder] = true;
        Heatmaps flippedOutput = new HeatmapCodec(2, Refinement.NONE).encode(xs, ys, visible, 64, 48);
        int[] mirror = new int[17];
        for (int k = 0; k < 17; k++) mirror[k] = coco.mirror(k);
        List<HeatmapPeak> back = new HeatmapCodec(2, Refinement.DARK).decode(flippedOutput.flippedBack(mirror));
        // Cell 10 of the flipped crop is input pixel 40 → 192 − 40 = 152 in the original crop → cell 38.
        assertThat(back.get(rightShoulder).x()).isCloseTo(38, within(0.02));
        assertThat(back.get(rightShoulder).y()).isCloseTo(20, within(0.02));
        assertThat(back.get(leftShoulder).score()).isZero();
    }

    @Test
    void averagingWithAShiftedCopyMovesThePeakHalfway() {
        HeatmapCodec codec = new HeatmapCodec(2, Refinement.DARK);
        Heatmaps a = codec.encode(new double[]{20}, new double[]{30}, new boolean[]{true}, 64, 48);
        Heatmaps b = codec.encode(new double[]{21}, new double[]{30}, new boolean[]{true}, 64, 48);
        assertThat(codec.decode(a.averagedWith(b)).get(0).x()).isCloseTo(20.5, within(0.05));
    }
}
