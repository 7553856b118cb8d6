package org.poseanalytics.pose.hrnet;

import java.nio.file.Path;

/** Test models for other modules' tests (through the pose-engine test-jar); nothing here has trained weights. */
public final class TestHrnetModels {
    private TestHrnetModels() {}

    /** The tiny 17-heatmap Conv model of {@link HrnetModelTest}: keypoints land on coloured blobs. */
    public static Path blobModel(Path dir) throws Exception {
        return HrnetModelTest.writeBlobModel(dir);
    }

    /** The same model as TorchScript ({@code blobs.pt}), for the DJL PyTorch path. */
    public static Path blobTorchScript(Path dir) throws Exception {
        return HrnetModelTorchScriptTest.writeBlobTorchScript(dir, "blobs.pt");
    }
}
