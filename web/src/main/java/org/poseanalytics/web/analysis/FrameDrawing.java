package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.kinematics.scale.Scale;

/**
 * A clinician's drawing on a paused frame, at that frame's time: points in the video's pixels, and for a text (or as a
 * label on the others) its words. Angle and distance are measured from the points when shown, never stored, so a
 * distance follows the analysis's scale.
 */
public record FrameDrawing(long id, long videoId, double timeS, Kind kind, List<Point> points, String label, String createdBy,
                           OffsetDateTime createdAt) {

    /** What was drawn, and how many points it takes. */
    public enum Kind {
        LINE("Line", 2), ANGLE("Angle", 3), DISTANCE("Distance", 2), TEXT("Text", 1);

        private final String label;
        private final int points;

        Kind(String label, int points) {
            this.label = label;
            this.points = points;
        }

        public String label() { return label; }
        public int points() { return points; }
        public String code() { return name().toLowerCase(Locale.ROOT); }
        public static Kind of(String code) { return valueOf(code.toUpperCase(Locale.ROOT)); }
    }

    /** A point in the video's pixels (x to the right, y down). */
    public record Point(double x, double y) {}

    /** "1.50 s". */
    public String when() { return String.format(Locale.ROOT, "%.2f s", timeS); }

    /** The angle at the middle point between the other two, 0–180°; NaN for anything but an angle. */
    public double angleDeg() {
        if (kind != Kind.ANGLE) return Double.NaN;
        Point a = points.get(0), v = points.get(1), b = points.get(2);
        double ax = a.x() - v.x(), ay = a.y() - v.y(), bx = b.x() - v.x(), by = b.y() - v.y();
        return Math.toDegrees(Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)));
    }

    /** The length between the first two points in pixels; NaN for an angle or a text. */
    public double lengthPx() {
        if (kind != Kind.DISTANCE && kind != Kind.LINE) return Double.NaN;
        return Math.hypot(points.get(1).x() - points.get(0).x(), points.get(1).y() - points.get(0).y());
    }

    /**
     * What the drawing measures, as a clinician reads it: "74.3°", "0.52 m" with a scale, "163 px (no scale: pixels)"
     * without one; "" for a line or a text, which measure nothing.
     */
    public String value(Scale scale) {
        return switch (kind) {
            case ANGLE -> String.format(Locale.ROOT, "%.1f°", angleDeg());
            case DISTANCE -> scale != null && scale.known()
                    ? String.format(Locale.ROOT, "%.2f m", scale.metres(lengthPx()))
                    : String.format(Locale.ROOT, "%.0f px (no scale: pixels)", lengthPx());
            case LINE, TEXT -> "";
        };
    }
}
