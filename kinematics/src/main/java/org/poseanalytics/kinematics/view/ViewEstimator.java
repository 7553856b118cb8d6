package org.poseanalytics.kinematics.view;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.poseanalytics.kinematics.angle.ViewGeometry;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Tells from the pose itself from where the camera sees the subject in each frame ({@link ViewGeometry}: the body
 * frame of the world landmarks against the camera axis, or 2D widths without them) and names the view: sagittal
 * when the sagittal plane is within {@value #NAMED_VIEW_MAX_TILT_DEG}° of the image plane, frontal when the frontal
 * plane is, oblique otherwise (with a level camera, between 40° and 50° from either).
 *
 * <p>The name is for people (the analysis page, the filming hint); each 2D angle sample is rated on its own plane's
 * tilt with the stricter thresholds of {@link org.poseanalytics.kinematics.quality.PlaneTilt}.
 */
public final class ViewEstimator {
    private ViewEstimator() {}

    /**
     * A plane within this angle of the image plane names the view. 40° and not the 30° of a valid 2D angle: a
     * clinician filming "from the front" turns the person by 20–40° often (the shared squat video reads 26–44°), and
     * calling that oblique would hide what was intended; the angles themselves are still rated strictly.
     */
    public static final double NAMED_VIEW_MAX_TILT_DEG = 40;

    public static ViewTrack estimate(KeypointSeries series) {
        ViewGeometry g = ViewGeometry.of(series);
        int n = series.length();
        CameraView[] views = new CameraView[n];
        for (int i = 0; i < n; i++) views[i] = name(g.sagittalToImageDeg()[i], g.frontalToImageDeg()[i], g.azimuthDeg()[i]);
        return new ViewTrack(views, g.sagittalToImageDeg(), g.frontalToImageDeg(), g.azimuthDeg(),
                summarise(views, g.sagittalToImageDeg(), g.frontalToImageDeg()));
    }

    /** The view of one sample from its plane tilts and the camera's azimuth (which side or face it sees). */
    public static CameraView name(double sagittalTiltDeg, double frontalTiltDeg, double azimuthDeg) {
        if (!Double.isFinite(sagittalTiltDeg) || !Double.isFinite(frontalTiltDeg) || !Double.isFinite(azimuthDeg)) return CameraView.UNKNOWN;
        if (sagittalTiltDeg <= NAMED_VIEW_MAX_TILT_DEG) return azimuthDeg > 0 ? CameraView.SAGITTAL_LEFT : CameraView.SAGITTAL_RIGHT;
        if (frontalTiltDeg <= NAMED_VIEW_MAX_TILT_DEG) return Math.abs(azimuthDeg) < 90 ? CameraView.FRONTAL_ANTERIOR : CameraView.FRONTAL_POSTERIOR;
        return CameraView.OBLIQUE;
    }

    static ViewSummary summarise(CameraView[] views, double[] sagittalTiltDeg, double[] frontalTiltDeg) {
        Map<CameraView, Integer> counts = new EnumMap<>(CameraView.class);
        int known = 0;
        for (CameraView v : views) {
            if (v == CameraView.UNKNOWN) continue;
            counts.merge(v, 1, Integer::sum);
            known++;
        }
        if (known == 0) return ViewSummary.unknown();
        Map<CameraView, Double> shares = new EnumMap<>(CameraView.class);
        CameraView dominant = CameraView.UNKNOWN;
        for (Map.Entry<CameraView, Integer> e : counts.entrySet()) {
            shares.put(e.getKey(), e.getValue() / (double) known);
            if (dominant == CameraView.UNKNOWN || e.getValue() > counts.get(dominant)) dominant = e.getKey();
        }
        return new ViewSummary(dominant, shares.get(dominant), shares, median(sagittalTiltDeg), median(frontalTiltDeg));
    }

    private static double median(double[] v) {
        double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) return Double.NaN;
        int m = finite.length / 2;
        return finite.length % 2 == 1 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
    }
}
