package org.poseanalytics.pose.models;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.blazepose.BlazePoseEstimator;
import org.poseanalytics.pose.blazepose.BlazePosePersonDetector;
import org.poseanalytics.pose.blazepose.BlazePoseVariant;
import org.poseanalytics.pose.hrnet.HrnetConfig;
import org.poseanalytics.pose.hrnet.HrnetEstimator;
import org.poseanalytics.pose.hrnet.HrnetModel;
import org.poseanalytics.pose.model.ModelNotFoundException;

/**
 * The one place the CLI, the web job runner and the evaluation commands get a pose model by name:
 * {@code blazepose-full} (default), {@code blazepose-lite}, {@code blazepose-heavy}, or {@code hrnet=PATH}.
 */
public final class PoseModels {
    public static final String DEFAULT = BlazePoseVariant.FULL.modelName();
    /** HRNet weights are the user's own file: {@code hrnet=/path/to/hrnet_w32_256x192.onnx}. */
    public static final String HRNET_PREFIX = "hrnet=";

    private PoseModels() {}

    /** Model names {@link #open} accepts. */
    public static List<String> names() {
        return java.util.Arrays.stream(BlazePoseVariant.values()).map(BlazePoseVariant::modelName).toList();
    }

    /** Opens a model with as many inference threads as the machine has cores. */
    public static PoseEstimator open(String name) {
        return open(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Opens the named model.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     * @throws ModelNotFoundException when the model files are not available offline
     */
    public static PoseEstimator open(String name, int threads) {
        BlazePoseVariant variant = BlazePoseVariant.byName(name);
        if (variant != null) return BlazePoseEstimator.open(variant, threads);
        if (name != null && name.startsWith(HRNET_PREFIX)) {
            Path weights = Path.of(name.substring(HRNET_PREFIX.length()));
            HrnetModel model = HrnetModel.load(weights, HrnetConfig.coco256x192(), threads);
            return new HrnetEstimator(model, new BlazePosePersonDetector(threads), "the BlazePose detector");
        }
        throw new IllegalArgumentException("unknown pose model '" + name + "'; known models: " + String.join(", ", names())
                + ", or hrnet=PATH for HRNet weights (.pt TorchScript or .onnx)");
    }
}
