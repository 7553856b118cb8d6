package org.poseanalytics.pose;

import org.poseanalytics.pose.image.RgbImage;

/** An estimator that can time its bare model call, for the bench command's raw-versus-end-to-end comparison. */
public interface Benchmarkable {
    /**
     * Prepares the per-frame model input from {@code sample} once and returns an action that runs only the model
     * invocation a tracked video frame costs (BlazePose: the landmark model).
     */
    Runnable rawInference(RgbImage sample);

    /** The inference engine and device, for the bench table's engine column (e.g. "TFLite XNNPACK (CPU)"). */
    String engine();
}
