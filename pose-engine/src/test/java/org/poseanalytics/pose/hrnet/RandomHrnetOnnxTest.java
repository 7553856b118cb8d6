package org.poseanalytics.pose.hrnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;

/** The speed-test generator builds HRNet as published and its ONNX runs through our HRNet path. */
class RandomHrnetOnnxTest {
    @TempDir Path dir;

    @Test
    void parameterCountsAreThePapers() {
        // Sun et al. 2019, Table 1: HRNet-W32 28.5M, HRNet-W48 63.6M parameters (256×192 input).
        assertThat(RandomHrnetOnnx.count(32).parameters()).isBetween(28_450_000L, 28_549_999L);
        assertThat(RandomHrnetOnnx.count(48).parameters()).isBetween(63_550_000L, 63_649_999L);
    }

    @Test
    void narrowVariantLoadsOnOnnxRuntimeAndGives17HeatmapsOf64x48() throws Exception {
        // Width 4: the same graph (stem, 4 stages, fuse layers, Resize) at a size a unit test can afford.
        Path file = dir.resolve("hrnet_w4_random.onnx");
        RandomHrnetOnnx.Summary s = RandomHrnetOnnx.write(file, 4, 7);
        assertThat(s.nodes()).isEqualTo(RandomHrnetOnnx.count(32).nodes());
        RgbImage image = HrnetModelTest.paint(320, 240, 8, new double[][]{{100, 80}, {130, 120}, {110, 170}});
        BoundingBox box = new BoundingBox(60, 40, 100, 160);
        try (HrnetModel model = HrnetModel.load(file, HrnetConfig.coco256x192())) {
            assertThat(model.engine()).isEqualTo("OnnxRuntime");
            List<PersonPose> poses = model.estimate(image, List.of(box));
            assertThat(poses).hasSize(1);
            assertThat(poses.get(0).keypoints()).hasSize(17);
            // Random weights: the positions mean nothing, but they must be finite points of the padded crop.
            for (Keypoint k : poses.get(0).keypoints()) {
                assertThat(k.x()).isFinite().isBetween(box.x() - box.width(), box.x() + 2 * box.width());
                assertThat(k.y()).isFinite().isBetween(box.y() - box.height(), box.y() + 2 * box.height());
            }
        }
    }
}
