package org.poseanalytics.pose.hrnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;

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

    @Test
    void loadsOnPyTorchAndFindsTheBlobs() throws Exception {
        BoundingBox box = new BoundingBox(200.3, 100.7, 100, 150);
        double[][] blobs = {{231.4, 140.2}, {270.9, 160.6}, {245.25, 221.8}};
        RgbImage image = HrnetModelTest.paint(640, 480, 6, blobs);
        try (HrnetModel model = HrnetModel.load(writeBlobTorchScript(dir, "blobs.pt"), HrnetConfig.coco256x192())) {
            assertThat(model.engine()).isEqualTo("PyTorch");
            List<PersonPose> poses = model.estimate(image, List.of(box));
            assertThat(poses).hasSize(1);
            HrnetModelTest.assertAtBlobs(poses.get(0), blobs, 0.75);
        }
    }

    @Test
    void eachLoadSetsPyTorchsThreadCount() throws Exception {
        // PyTorch's pool is per process: bench's 1..N sweep only measures N threads if every load sets it again.
        Path weights = writeBlobTorchScript(dir, "threads.pt");
        for (int threads : new int[] {1, 2, 1}) {
            try (HrnetModel model = HrnetModel.load(weights, HrnetConfig.coco256x192(), threads)) {
                assertThat(ai.djl.pytorch.jni.JniUtils.getNumThreads()).isEqualTo(threads);
            }
        }
    }

    @Test
    void batchesKeepEachBoxItsOwnPoseAndMatchSingleRuns() throws Exception {
        HrnetModelTest.assertBatchesKeepEachBoxItsOwnPose(writeBlobTorchScript(dir, "blobs.pt"));
    }

    @Test
    void givesTheOnnxModelsKeypointsWithAndWithoutFlipTest() throws Exception {
        // Same weights through the two engines: any difference in the writers (weight layout, padding, stride,
        // bias) or in how the translator meets each engine's output would move the keypoints.
        double[][] blobs = {{231, 140}, {270, 160}, {245, 221}};
        RgbImage image = HrnetModelTest.paint(640, 480, 6, blobs);
        List<BoundingBox> boxes = List.of(new BoundingBox(200, 100, 100, 150), new BoundingBox(190, 95, 130, 170));
        Path pt = writeBlobTorchScript(dir, "blobs.pt"), onnx = HrnetModelTest.writeBlobModel(dir);
        for (boolean flip : new boolean[]{false, true}) {
            HrnetConfig config = HrnetConfig.coco256x192().withFlipTest(flip);
            try (HrnetModel torch = HrnetModel.load(pt, config); HrnetModel ort = HrnetModel.load(onnx, config)) {
                List<PersonPose> p = torch.estimate(image, boxes), o = ort.estimate(image, boxes);
                for (int i = 0; i < boxes.size(); i++) {
                    for (int k = 0; k < 17; k++) {
                        Keypoint a = p.get(i).keypoint(k), b = o.get(i).keypoint(k);
                        assertThat(a.x()).as("flip %s box %d keypoint %d x", flip, i, k).isCloseTo(b.x(), within(1e-3));
                        assertThat(a.y()).as("flip %s box %d keypoint %d y", flip, i, k).isCloseTo(b.y(), within(1e-3));
                        assertThat(a.visibility()).isCloseTo(b.visibility(), within(1e-4));
                    }
                }
            }
        }
        // The flip test really ran: left shoulder (blue plain, red flipped back) loses half its confidence.
        try (HrnetModel model = HrnetModel.load(pt, HrnetConfig.coco256x192().withFlipTest(true))) {
            PersonPose pose = model.estimate(image, boxes.subList(0, 1)).get(0);
            assertThat(pose.keypoint(5).visibility()).isLessThan(0.6 * pose.keypoint(0).visibility());
        }
    }

    @Test
    void everyTorchScriptExtensionLoads() throws Exception {
        double[][] blobs = {{231, 140}, {270, 160}, {245, 221}};
        RgbImage image = HrnetModelTest.paint(640, 480, 6, blobs);
        for (String name : List.of("w.pth", "w.torchscript", "W.PT")) {
            try (HrnetModel model = HrnetModel.load(writeBlobTorchScript(dir, name), HrnetConfig.coco256x192())) {
                assertThat(model.engine()).as(name).isEqualTo("PyTorch");
                HrnetModelTest.assertAtBlobs(model.estimate(image, List.of(new BoundingBox(200, 100, 100, 150))).get(0), blobs, 0.75);
            }
        }
    }

    @Test
    void benchAndEstimatorReportThePyTorchEngine() throws Exception {
        try (HrnetModel model = HrnetModel.load(writeBlobTorchScript(dir, "blobs.pt"), HrnetConfig.coco256x192().withMaxBatch(2))) {
            List<HrnetBench.Result> results = HrnetBench.run(model, new int[]{1, 2}, 1, 3);
            assertThat(results).extracting(HrnetBench.Result::batchSize).containsExactly(1, 2);
            for (HrnetBench.Result r : results) {
                assertThat(r.engine()).isEqualTo("PyTorch");
                assertThat(r.inferenceMs()).isPositive();
                assertThat(r.modelPersonsPerS()).isPositive().isGreaterThanOrEqualTo(r.endToEndPersonsPerS());
            }
            assertThat(model.description()).contains("blobs.pt").contains("PyTorch");
        }
    }

    @Test
    void aModelThatIsNotHrnetShapedIsRefusedWithTheReason() throws Exception {
        // TorchScript that libtorch loads but whose output is not 17 heatmaps (3 channels): a user's wrong export.
        TorchScriptWriter ts = new TorchScriptWriter("poseanalytics", "NotHrnet", "input");
        ts.assign("out", "torch.relu(input)");
        Path file = dir.resolve("not_hrnet.pt");
        ts.write(file, "out");
        try (HrnetModel model = HrnetModel.load(file, HrnetConfig.coco256x192())) {
            assertThatThrownBy(() -> model.estimate(HrnetModelTest.paint(64, 64, 4, new double[][]{{1, 1}, {2, 2}, {3, 3}}),
                    List.of(new BoundingBox(0, 0, 32, 32))))
                    .isInstanceOf(HrnetModelException.class).hasMessageContaining("17").hasMessageContaining("not_hrnet.pt");
        }
        // TorchScript code that does not compile: libtorch's reason reaches the user with the file name.
        TorchScriptWriter broken = new TorchScriptWriter("poseanalytics", "Broken", "input");
        broken.assign("out", "torch.no_such_operator(input)");
        Path brokenFile = dir.resolve("broken.pt");
        broken.write(brokenFile, "out");
        assertThatThrownBy(() -> HrnetModel.load(brokenFile, HrnetConfig.coco256x192()))
                .isInstanceOf(HrnetModelException.class).hasMessageContaining("broken.pt").hasMessageContaining("PyTorch");
    }

    @Test
    void archiveEntriesAreStoredAnd64ByteAligned() throws Exception {
        Path file = writeBlobTorchScript(dir, "blobs.pt");
        List<String> names = new ArrayList<>();
        for (LocalEntry e : localEntries(Files.readAllBytes(file))) {
            names.add(e.name());
            assertThat(e.method()).as(e.name()).isZero();
            assertThat(e.dataOffset() % 64).as(e.name()).isZero();
        }
        assertThat(names).containsExactly("blobs/data.pkl", "blobs/code/__torch__/poseanalytics.py", "blobs/constants.pkl",
                "blobs/data/0", "blobs/data/1", "blobs/version", "blobs/byteorder");
    }

    private record LocalEntry(String name, int method, long dataOffset) {}

    /** Walks the zip's local file headers (what a memory-mapping reader sees), not the central directory. */
    private static List<LocalEntry> localEntries(byte[] zip) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        List<LocalEntry> entries = new ArrayList<>();
        int at = 0;
        while (b.getInt(at) == 0x04034b50) {
            int method = b.getShort(at + 8), size = b.getInt(at + 18);
            int nameLength = b.getShort(at + 26) & 0xffff, extraLength = b.getShort(at + 28) & 0xffff;
            String name = new String(zip, at + 30, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            int data = at + 30 + nameLength + extraLength;
            entries.add(new LocalEntry(name, method, data));
            at = data + size;
        }
        if (entries.isEmpty()) throw new IOException("no local file header");
        return entries;
    }
}
