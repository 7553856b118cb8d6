package org.poseanalytics.pose.hrnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
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
 * End to end through DJL with an ONNX model the test writes: a 5×5 stride-4 Conv whose channel k sums colour
 * k % 3 around input pixel 4·x, scaled so a full-intensity blob peaks near 0.9, with a bias that brings the
 * black background to 0. A red, a green and a blue
 * Gaussian blob painted into the picture therefore become heatmap peaks, and keypoint k must come back at the
 * blob of colour k % 3 — through crop, normalisation, batching, decoding and mapping to image pixels.
 */
class HrnetModelTest {
    @TempDir Path dir;

    private static final int W = 192, H = 256;
    private static final float GAIN = 0.2f;

    /** The blob model's convolution: 17 filters of 3×5×5, stride 4, padding 2 (64×48 heatmaps from 256×192). */
    record BlobConv(float[] weights, float[] bias, int channels, int kernel, int stride, int pad) {}

    static BlobConv blobConv() {
        int k = 17, kernel = 5;
        float[] taps = {0.5f, 1, 1, 1, 0.5f};
        float[] weights = new float[k * 3 * kernel * kernel];
        float[] bias = new float[k];
        for (int ch = 0; ch < k; ch++) {
            int colour = ch % 3;
            for (int dy = 0; dy < kernel; dy++) {
                for (int dx = 0; dx < kernel; dx++) {
                    weights[((ch * 3 + colour) * kernel + dy) * kernel + dx] = taps[dy] * taps[dx] / 16f * GAIN;
                }
            }
            bias[ch] = GAIN * HrnetTranslator.MEAN[colour] / HrnetTranslator.STD[colour];
        }
        return new BlobConv(weights, bias, k, kernel, 4, 2);
    }

    static Path writeBlobModel(Path dir) throws Exception {
        BlobConv c = blobConv();
        Path file = dir.resolve("blobs.onnx");
        Files.write(file, OnnxWriter.convModel(H, W, c.weights(), c.bias(), c.channels(), c.kernel(), c.stride(), c.pad()));
        return file;
    }

    /** Blobs with σ in image pixels, centres (x, y) per colour, on black. */
    static RgbImage paint(int width, int height, double sigma, double[][]... perBox) {
        byte[] rgb = new byte[width * height * 3];
        double[] acc = new double[width * height * 3];
        for (double[][] centres : perBox) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double d2 = Math.pow(x - centres[c][0], 2) + Math.pow(y - centres[c][1], 2);
                        acc[(y * width + x) * 3 + c] += 255 * Math.exp(-d2 / (2 * sigma * sigma));
                    }
                }
            }
        }
        for (int i = 0; i < acc.length; i++) rgb[i] = (byte) Math.min(255, Math.round(acc[i]));
        return new RgbImage(width, height, rgb);
    }

    static void assertAtBlobs(PersonPose pose, double[][] centres, double tolerancePx) {
        assertThat(pose.skeleton()).isEqualTo(Skeleton.COCO_17);
        for (int k = 0; k < 17; k++) {
            Keypoint p = pose.keypoint(k);
            assertThat(p.x()).as("x of keypoint %d", k).isCloseTo(centres[k % 3][0], within(tolerancePx));
            assertThat(p.y()).as("y of keypoint %d", k).isCloseTo(centres[k % 3][1], within(tolerancePx));
            assertThat(p.visibility()).isGreaterThan(0.5);
        }
    }

    @Test
    void findsBlobsThroughCropNormalisationDecodingAndMapping() throws Exception {
        // A 100×150 box: the crop is widened to 3:4 and padded by 1.25 → 140.6×187.5 px, 0.73 px per input pixel.
        BoundingBox box = new BoundingBox(200.3, 100.7, 100, 150);
        double[][] blobs = {{231.4, 140.2}, {270.9, 160.6}, {245.25, 221.8}};
        RgbImage image = paint(640, 480, 6, blobs);
        try (HrnetModel model = HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192())) {
            assertThat(model.engine()).isEqualTo("OnnxRuntime");
            List<PersonPose> poses = model.estimate(image, List.of(box));
            assertThat(poses).hasSize(1);
            assertAtBlobs(poses.get(0), blobs, 0.75);
        }
    }

    @Test
    void batchesKeepEachBoxItsOwnPoseAndMatchSingleRuns() throws Exception {
        assertBatchesKeepEachBoxItsOwnPose(writeBlobModel(dir));
    }

    /** Three boxes through maxBatch 2 (a batch of 2, then of 1): each box keeps its pose, equal to a single run's. */
    static void assertBatchesKeepEachBoxItsOwnPose(Path weights) {
        double[][] a = {{100, 100}, {130, 150}, {90, 200}};
        double[][] b = {{400, 120}, {430, 160}, {410, 230}};
        double[][] c = {{560, 300}, {590, 330}, {575, 410}};
        RgbImage image = paint(640, 480, 6, a, b, c);
        List<BoundingBox> boxes = List.of(new BoundingBox(60, 80, 100, 150), new BoundingBox(370, 90, 90, 160),
                new BoundingBox(530, 280, 90, 150));
        try (HrnetModel model = HrnetModel.load(weights, HrnetConfig.coco256x192().withMaxBatch(2))) {
            List<PersonPose> batched = model.estimate(image, boxes);
            assertThat(batched).hasSize(3);
            assertAtBlobs(batched.get(0), a, 0.75);
            assertAtBlobs(batched.get(1), b, 0.75);
            assertAtBlobs(batched.get(2), c, 0.75);
            PersonPose alone = model.estimate(image, List.of(boxes.get(1))).get(0);
            for (int k = 0; k < 17; k++) {
                assertThat(alone.keypoint(k).x()).isCloseTo(batched.get(1).keypoint(k).x(), within(1e-4));
                assertThat(alone.keypoint(k).y()).isCloseTo(batched.get(1).keypoint(k).y(), within(1e-4));
            }
        }
    }

    @Test
    void flipTestSwapsLeftAndRightBack() throws Exception {
        // Keypoints 5 (left shoulder, colour 2) and 6 (right shoulder, colour 0) trade heatmaps in the flipped
        // half, so with the flip test each ends halfway between the blue and the red blob. That proves the
        // flipped crop really is flipped, swapped and brought back onto the original grid.
        double[][] blobs = {{231, 140}, {270, 160}, {245, 221}};
        RgbImage image = paint(640, 480, 6, blobs);
        BoundingBox box = new BoundingBox(200, 100, 100, 150);
        try (HrnetModel model = HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192().withFlipTest(true))) {
            PersonPose pose = model.estimate(image, List.of(box)).get(0);
            // Nose (0, red) has itself as mirror: it stays on the red blob up to the flip's 1-input-pixel shift.
            assertThat(pose.keypoint(0).x()).isCloseTo(blobs[0][0], within(1.5));
            assertThat(pose.keypoint(0).y()).isCloseTo(blobs[0][1], within(0.75));
            assertThat(pose.keypoint(0).visibility()).isGreaterThan(0.8);
            // Left shoulder: the plain heatmap peaks on the blue blob, the flipped-back right-shoulder heatmap on
            // the red one; their mean has two half-height peaks, so the confidence halves.
            assertThat(pose.keypoint(5).visibility()).isLessThan(0.6 * pose.keypoint(0).visibility());
            assertThat(pose.keypoint(6).visibility()).isLessThan(0.6 * pose.keypoint(0).visibility());
        }
        try (HrnetModel model = HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192())) {
            assertThat(model.estimate(image, List.of(box)).get(0).keypoint(5).visibility()).isGreaterThan(0.8);
        }
    }

    @Test
    void engineIsChosenFromTheExtension() {
        assertThat(HrnetModel.engineFor(Path.of("w32.onnx"))).isEqualTo("OnnxRuntime");
        assertThat(HrnetModel.engineFor(Path.of("W32.PT"))).isEqualTo("PyTorch");
        assertThat(HrnetModel.engineFor(Path.of("w32.torchscript"))).isEqualTo("PyTorch");
        assertThatThrownBy(() -> HrnetModel.engineFor(Path.of("w32.tflite")))
                .isInstanceOf(HrnetModelException.class).hasMessageContaining(".pt").hasMessageContaining(".onnx");
    }

    @Test
    void unreadableWeightsGiveAClearError() throws Exception {
        Path missing = dir.resolve("absent.onnx");
        assertThatThrownBy(() -> HrnetModel.load(missing, HrnetConfig.coco256x192()))
                .isInstanceOf(HrnetModelException.class).hasMessageContaining("not found");
        Path junkPt = dir.resolve("junk.pt");
        Files.writeString(junkPt, "this is not TorchScript");
        assertThatThrownBy(() -> HrnetModel.load(junkPt, HrnetConfig.coco256x192()))
                .isInstanceOf(HrnetModelException.class).hasMessageContaining("junk.pt").hasMessageContaining("PyTorch");
        Path junkOnnx = dir.resolve("junk.onnx");
        Files.writeString(junkOnnx, "this is not ONNX");
        assertThatThrownBy(() -> HrnetModel.load(junkOnnx, HrnetConfig.coco256x192()))
                .isInstanceOf(HrnetModelException.class).hasMessageContaining("junk.onnx").hasMessageContaining("OnnxRuntime");
    }

    @Test
    void estimatorRunsOnTheDetectorsBoxes() throws Exception {
        double[][] blobs = {{231, 140}, {270, 160}, {245, 221}};
        RgbImage image = paint(640, 480, 6, blobs);
        PersonDetector detector = img -> List.of(new BoundingBox(200, 100, 100, 150));
        try (HrnetEstimator estimator = new HrnetEstimator(HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192()), detector, "test boxes")) {
            List<PersonPose> poses = estimator.estimateImage(image);
            assertThat(poses).hasSize(1);
            assertAtBlobs(poses.get(0), blobs, 0.75);
            assertThat(estimator.modelDescription()).contains("blobs.onnx").contains("OnnxRuntime").contains("test boxes");
        }
        // Video mode: the same poses, with the detector's and HRNet's time kept apart for bench.
        try (HrnetEstimator estimator = new HrnetEstimator(HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192(), 1), detector, "test boxes");
             var session = estimator.openVideo()) {
            for (int i = 0; i < 3; i++) assertAtBlobs(session.next(image, i / 30.0).get(0), blobs, 0.75);
            assertThat(session.timings().all()).containsOnlyKeys("detect", "keypoints");
            assertThat(session.timings().all().get("keypoints").calls()).isEqualTo(3);
        }
        PersonDetector nobody = img -> List.of();
        try (HrnetEstimator estimator = new HrnetEstimator(HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192()), nobody, "none")) {
            assertThat(estimator.estimateImage(image)).isEmpty();
        }
    }

    @Test
    void benchReportsTimingsPerBatchSize() throws Exception {
        try (HrnetModel model = HrnetModel.load(writeBlobModel(dir), HrnetConfig.coco256x192().withMaxBatch(4))) {
            List<HrnetBench.Result> results = HrnetBench.run(model, new int[]{1, 4}, 1, 3);
            assertThat(results).extracting(HrnetBench.Result::batchSize).containsExactly(1, 4);
            for (HrnetBench.Result r : results) {
                assertThat(r.engine()).isEqualTo("OnnxRuntime");
                assertThat(r.inferenceMs()).isPositive();
                assertThat(r.modelPersonsPerS()).isPositive().isGreaterThanOrEqualTo(r.endToEndPersonsPerS());
            }
        }
    }
}
