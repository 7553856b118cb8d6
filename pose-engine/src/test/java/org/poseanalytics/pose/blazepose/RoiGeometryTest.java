package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.image.RgbImage;

class RoiGeometryTest {
    @Test
    void roiFromAlignmentPointsIsCentredOnTheHipsAndTurnsTheBodyUpright() {
        // Scale point straight above the hips: no rotation.
        Roi upright = Roi.fromAlignmentPoints(100, 200, 100, 100);
        assertThat(upright.rotation()).isCloseTo(0, within(1e-12));
        assertThat(upright.size()).isCloseTo(2 * 100 * 1.25, within(1e-9));
        assertThat(upright.centerX()).isEqualTo(100);
        // Scale point to the right of the hips (person lying, head right): a quarter turn.
        assertThat(Roi.fromAlignmentPoints(100, 200, 200, 200).rotation()).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(Roi.fromAlignmentPoints(100, 200, 0, 200).rotation()).isCloseTo(-Math.PI / 2, within(1e-12));
        // Upside down normalises to ±π.
        assertThat(Math.abs(Roi.fromAlignmentPoints(100, 200, 100, 300).rotation())).isCloseTo(Math.PI, within(1e-12));
    }

    @Test
    void cropAndFrameCoordinatesRoundTrip() {
        Roi roi = new Roi(321.5, 654.25, 400, 0.7);
        for (double[] p : new double[][]{{0, 0}, {0.5, 0.5}, {1, 0.25}, {0.13, 0.91}}) {
            double[] f = roi.toFrame(p[0], p[1]);
            double[] back = roi.toCrop(f[0], f[1]);
            assertThat(back[0]).isCloseTo(p[0], within(1e-12));
            assertThat(back[1]).isCloseTo(p[1], within(1e-12));
        }
        assertThat(roi.toFrame(0.5, 0.5)).containsExactly(321.5, 654.25);
        // The crop's "up" points where the rotation says: a step up in the crop is a step along (sin, -cos).
        double[] up = roi.toFrame(0.5, 0.4);
        assertThat(up[0] - 321.5).isCloseTo(40 * Math.sin(0.7), within(1e-9));
        assertThat(up[1] - 654.25).isCloseTo(-40 * Math.cos(0.7), within(1e-9));
    }

    @Test
    void theSampledCropShowsAFramePointWhereTheRoiMapsIt() {
        // A white 3×3 dot on black at (150, 80); a rotated ROI around it must show it at toCrop(150, 80).
        int w = 300, h = 200;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 79; y <= 81; y++) for (int x = 149; x <= 151; x++) for (int c = 0; c < 3; c++) rgb[(y * w + x) * 3 + c] = (byte) 255;
        RgbImage image = new RgbImage(w, h, rgb);
        Roi roi = new Roi(140, 100, 64, 1.1);
        CropSampler sampler = new CropSampler(64);
        FloatBuffer out = FloatBuffer.allocate(64 * 64 * 3);
        sampler.sample(image, roi, CropSampler.Border.REPLICATE, 1f / 255f, 0f, out);
        double sum = 0, sx = 0, sy = 0;
        for (int v = 0; v < 64; v++) for (int u = 0; u < 64; u++) {
            double val = out.get((v * 64 + u) * 3);
            sum += val;
            sx += val * (u + 0.5);
            sy += val * (v + 0.5);
        }
        double[] expected = roi.toCrop(150.5, 80.5); // the dot's centre in continuous coordinates
        assertThat(sx / sum / 64).isCloseTo(expected[0], within(0.5 / 64));
        assertThat(sy / sum / 64).isCloseTo(expected[1], within(0.5 / 64));
    }

    @Test
    void zeroBorderIsBlackAndReplicateBorderRepeatsTheEdge() {
        byte[] rgb = new byte[4 * 4 * 3];
        java.util.Arrays.fill(rgb, (byte) 200);
        RgbImage image = new RgbImage(4, 4, rgb);
        Roi wide = new Roi(2, 2, 40, 0); // ten times the image: corners fall outside
        FloatBuffer out = FloatBuffer.allocate(8 * 8 * 3);
        new CropSampler(8).sample(image, wide, CropSampler.Border.ZERO, 2f / 255f, -1f, out);
        assertThat(out.get(0)).isEqualTo(-1f);
        new CropSampler(8).sample(image, wide, CropSampler.Border.REPLICATE, 1f / 255f, 0f, out);
        assertThat(out.get(0)).isCloseTo(200 / 255f, within(1e-6f));
    }
}
