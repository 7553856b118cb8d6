package org.poseanalytics.web.ui;

import org.poseanalytics.kinematics.metric.MetricRecord;
import java.util.Locale;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * How figures, their quality and the camera view read on the page, in the PDF and on the progress page, so all three
 * say the same. An invalid figure is never written as a number: "—" and its reason.
 */
public final class FigureText {
    private FigureText() {}

    /** "97.4°", "3", "1.42 s", or "—" when not measured or invalid. */
    public static String value(MetricRecord m) {
        if (!m.shownAsNumber()) return "—";
        return number(m.value(), m.unit());
    }

    public static String number(double v, String unit) {
        if ("count".equals(unit)) return String.valueOf(Math.round(v));
        // Bar velocities and displacements in metres read to the centimetre: 0.45 m/s, not 0.5 m/s.
        String n = String.format(Locale.ROOT, "m".equals(unit) || "m/s".equals(unit) ? "%.2f" : "%.1f", v);
        return "deg".equals(unit) ? n + "°" : unit == null || unit.isBlank() ? n : n + " " + unit;
    }

    /** "valid", "low quality", "invalid" or "not rated": said in words, never by colour alone. */
    public static String quality(Quality q) {
        if (q == null) return "not rated";
        return switch (q) {
            case VALID -> "valid";
            case LOW -> "low quality";
            case INVALID -> "invalid";
        };
    }

    /** "Camera view: side (left), 93 % of frames". */
    public static String view(ViewSummary v) {
        if (v == null) return "Camera view: not measured (analysed before view checks; re-analyse to measure it)";
        if (v.dominant() == CameraView.UNKNOWN) return "Camera view: could not be told from the pose (hips and shoulders not seen)";
        String share = Double.isFinite(v.share()) && v.share() > 0 ? String.format(Locale.ROOT, ", %.0f %% of frames", 100 * v.share()) : "";
        return "Camera view: " + viewName(v.dominant()) + share;
    }

    public static String viewName(CameraView v) {
        if (v == null) return "not measured";
        return switch (v) {
            case SAGITTAL_LEFT -> "side (left)";
            case SAGITTAL_RIGHT -> "side (right)";
            case FRONTAL_ANTERIOR -> "front";
            case FRONTAL_POSTERIOR -> "back";
            case OBLIQUE -> "oblique";
            case UNKNOWN -> "unknown";
        };
    }

    /**
     * Whether a figure's reason blames the filming (the view of the plane, or keypoints hidden, outside the frame or not
     * tracked) rather than the movement (e.g. outside the physiological range): then better filming would help.
     */
    public static boolean blamesFilming(MetricRecord m) {
        if (m.quality() == null || m.quality() == Quality.VALID) return false;
        String r = m.reason().toLowerCase(Locale.ROOT);
        for (String word : new String[] {"view", "plane", "edge-on", "hidden", "visible", "frame", "occlu", "tracked", "camera", "oblique"})
            if (r.contains(word)) return true;
        return false;
    }
}
