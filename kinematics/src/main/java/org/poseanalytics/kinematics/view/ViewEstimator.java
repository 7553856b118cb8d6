package org.poseanalytics.kinematics.view;

import java.util.Arrays;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Tells from the pose itself from where the camera sees the subject in each frame. TODO(view): scaffold answering
 * UNKNOWN; the real estimate uses the world landmarks' body frame against the camera axis, or 2D widths without them.
 */
public final class ViewEstimator {
    private ViewEstimator() {}

    public static ViewTrack estimate(KeypointSeries series) {
        int n = series.length();
        CameraView[] v = new CameraView[n];
        Arrays.fill(v, CameraView.UNKNOWN);
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new ViewTrack(v, nan, nan.clone(), ViewSummary.unknown());
    }
}
