package org.poseanalytics.pose.hrnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;

/** The speed-test generator builds HRNet as published, and its ONNX and TorchScript files are the same network. */
class RandomHrnetTest {
    @TempDir Path dir;

    @Test
    void parameterCountsAreThePapers() {
        // Sun et al. 2019, Table 1: HRNet-W32 28.5M, HRNet-W48 63.6M parameters (256×192 input).
        assertThat(RandomHrnet.count(32).parameters()).isBetween(28_450_000L, 28_549_999L);
        assertThat(RandomHrnet.count(48).parameters()).isBetween(63_550_000L, 63_649_999L);
    }

    @Test
    void narrowVariantLoadsOnOnnxRuntimeAndGives17HeatmapsOf64x48() throws Exception {
        // Width 4: the same graph (stem, 4 stages, fuse layers, Resize) at a size a unit test can afford.
        Path file = dir.resolve("hrnet_w4_random.onnx");
        RandomHrnet.Summary s = RandomHrnet.write(file, 4, 7);
        assertThat(s.nodes()).isEqualTo(RandomHrnet.count(32).nodes());
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

    @Test
    void torchScriptAndOnnxOfTheSameSeedAreTheSameNetwork() throws Exception {
        Path pt = dir.resolve("hrnet_w4_random.pt"), onnx = dir.resolve("hrnet_w4_random.onnx");
        RandomHrnet.Summary fromPt = RandomHrnet.write(pt, 4, 7);
        assertThat(RandomHrnet.write(onnx, 4, 7)).isEqualTo(fromPt);

        // libtorch's own count of the archive's parameters (named_parameters), not the writer's.
        assertThat(libtorchParameterCount(pt)).isEqualTo(RandomHrnet.count(4).parameters()).isEqualTo(fromPt.parameters());

        // Raw heatmaps of the two engines on the same input batch: equal up to float rounding (ONNX Runtime folds
        // the BatchNorms, libtorch runs them), and far from equal for another seed, so the check can fail.
        float[] input = randomInput(2, 11);
        float[] a = heatmaps(pt, "PyTorch", input, 2), b = heatmaps(onnx, "OnnxRuntime", input, 2);
        assertThat(a).hasSize(2 * 17 * 64 * 48).hasSameSizeAs(b);
        assertThat(maxAbsDifference(a, b)).isLessThan(1e-3 * maxAbs(b));
        Path other = dir.resolve("hrnet_w4_seed8.onnx");
        RandomHrnet.write(other, 4, 8);
        assertThat(maxAbsDifference(a, heatmaps(other, "OnnxRuntime", input, 2))).isGreaterThan(0.05 * maxAbs(b));

        // Through HRNet's whole path (crop, normalise, decode): the same keypoints.
        RgbImage image = HrnetModelTest.paint(320, 240, 8, new double[][]{{100, 80}, {130, 120}, {110, 170}});
        List<BoundingBox> boxes = List.of(new BoundingBox(60, 40, 100, 160), new BoundingBox(150, 30, 120, 180));
        try (HrnetModel torch = HrnetModel.load(pt, HrnetConfig.coco256x192()); HrnetModel ort = HrnetModel.load(onnx, HrnetConfig.coco256x192())) {
            assertThat(torch.engine()).isEqualTo("PyTorch");
            List<PersonPose> p = torch.estimate(image, boxes), o = ort.estimate(image, boxes);
            for (int i = 0; i < boxes.size(); i++) {
                for (int k = 0; k < 17; k++) {
                    assertThat(p.get(i).keypoint(k).x()).as("box %d keypoint %d", i, k).isCloseTo(o.get(i).keypoint(k).x(), within(1e-2));
                    assertThat(p.get(i).keypoint(k).y()).as("box %d keypoint %d", i, k).isCloseTo(o.get(i).keypoint(k).y(), within(1e-2));
                }
            }
        }
    }

    static long libtorchParameterCount(Path pt) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(pt.toAbsolutePath()).optEngine("PyTorch").build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel()) {
            long n = 0;
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) n += p.getValue().getArray().getShape().size();
            return n;
        }
    }

    static float[] heatmaps(Path file, String engine, float[] input, int batch) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath()).optEngine(engine).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel(); var predictor = model.newPredictor();
             NDManager manager = NDManager.newBaseManager(engine)) {
            NDArray x = manager.create(input, new Shape(batch, 3, RandomHrnet.INPUT_H, RandomHrnet.INPUT_W));
            return predictor.predict(new NDList(x)).get(0).toFloatArray();
        }
    }

    static float[] randomInput(int batch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[batch * 3 * RandomHrnet.INPUT_H * RandomHrnet.INPUT_W];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
