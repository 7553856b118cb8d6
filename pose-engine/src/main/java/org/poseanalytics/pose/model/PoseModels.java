package org.poseanalytics.pose.model;

import java.util.List;
import org.poseanalytics.pose.PoseEstimator;
import org.poseanalytics.pose.blazepose.BlazePoseEstimator;
import org.poseanalytics.pose.blazepose.BlazePoseVariant;

/**
 * The one place the CLI, the web job runner and the evaluation commands get a pose model by name:
 * {@code blazepose-full} (default), {@code blazepose-lite}, {@code blazepose-heavy}.
 */
public final class PoseModels {
    public static final String DEFAULT = BlazePoseVariant.FULL.modelName();

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
        throw new IllegalArgumentException("unknown pose model '" + name + "'; known models: " + String.join(", ", names()));
    }
}
