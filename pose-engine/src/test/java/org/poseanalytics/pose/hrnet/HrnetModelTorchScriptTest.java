package org.poseanalytics.pose.hrnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * The PyTorch (TorchScript) path of {@link HrnetModel}, with the blob model of {@link HrnetModelTest} written as a
 * TorchScript archive by {@link TorchScriptWriter}: libtorch must load it, and keypoints must land on the blobs
 * exactly as with the ONNX file of the same weights.
 */
class HrnetModelTorchScriptTest {
    @TempDir Path dir;

    static Path writeBlobTorchScript(Path dir, String fileName) throws Exception {
        HrnetModelTest.BlobConv c = HrnetModelTest.blobConv();
        TorchScriptWriter ts = new TorchScriptWriter("poseanalytics", "BlobHeatmaps", "input");
        String w = ts.parameter("weight", c.weights(), c.channels(), 3, c.kernel(), c.kernel());
        String b = ts.parameter("bias", c.bias(), c.channels());
        ts.assign("heatmaps", "torch.conv2d(input, " + w + ", " + b + ", [" + c.stride() + ", " + c.stride() + "], ["
                + c.pad() + ", " + c.pad() + "], [1, 1], 1)");
        Path file = dir.resolve(fileName);
        ts.write(file, "heatmaps");
        return file;
    }

    private static void assertAtBlobs(PersonPose pose, double[][] centres, double tolerancePx) {
        assertThat(pose.skeleton()).isEqualTo(Skeleton.COCO_17);
        for (int k = 0; k < 17; k++) {
            Keypoint p = pose.keypoint(k);
            assertThat(p.x()).as("x of keypoint %d", k).isCloseTo(centres[k % 3][0], within(tolerancePx));
            assertThat(p.y()).as("y of keypoint %d", k).isCloseTo(centres[k % 3][1], within(tolerancePx));
            assertThat(p.visibility()).isGreaterThan(0.5);
        }
    }

    @Test
    void loadsOnPyTorchAndFindsTheBlobs() throws Exception {
        BoundingBox box = new BoundingBox(200.3, 100.7, 100, 150);
        double[][] blobs = {{231.4, 140.2}, {270.9, 160.6}, {245.25, 221.8}};
        RgbImage image = HrnetModelTest.paint(640, 480, 6, blobs);
        try (HrnetModel model = HrnetModel.load(writeBlobTorchScript(dir, "blobs.pt"), HrnetConfig.coco256x192())) {
            assertThat(model.engine()).isEqualTo("PyTorch");
            List<PersonPose> poses = model.estimate(image, List.of(box));
            assertThat(poses).hasSize(1);
            assertAtBlobs(poses.get(0), blobs, 0.75);
        }
    }
}
