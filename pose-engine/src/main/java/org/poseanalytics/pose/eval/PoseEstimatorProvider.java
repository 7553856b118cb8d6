package org.poseanalytics.pose.eval;

import java.util.ServiceLoader;
import org.poseanalytics.pose.PoseEstimator;

/**
 * Builds a pose estimator from a {@code --model} value, found through {@link ServiceLoader} so that the
 * evaluation commands need no compile-time knowledge of each model. Integrator: register the BlazePose
 * estimator in META-INF/services/org.poseanalytics.pose.eval.PoseEstimatorProvider (supports
 * "blazepose-full", "blazepose-lite", "blazepose-heavy").
 */
public interface PoseEstimatorProvider {
    /** Whether this provider builds the model named by a --model value, e.g. "blazepose-full". */
    boolean supports(String model);

    PoseEstimator create(String model);
}
