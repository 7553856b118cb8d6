package org.poseanalytics.pose.blazepose;

/**
 * The rotated square of the frame the landmark model looks at, in pixels of the displayed frame: centre, side and
 * rotation (radians, turning the body upright). A crop's pixel (u, v) of an S×S input shows the frame point
 * {@code centre + R(rotation)·((u + 0.5)/S − 0.5, (v + 0.5)/S − 0.5)·size}.
 */
public record Roi(double centerX, double centerY, double size, double rotation) {
    /** MediaPipe enlarges the alignment square by this so hands and feet stay inside the crop. */
    static final double SCALE = 1.25;

    /**
     * The ROI that BlazePose derives from two alignment points (hip centre and full-body scale point, from the
     * detector or from the previous frame's auxiliary landmarks): centred on the hips, twice their distance
     * enlarged by 1.25, turned so the line from hips to scale point points up.
     */
    public static Roi fromAlignmentPoints(double x0, double y0, double x1, double y1) {
        double size = 2 * Math.hypot(x1 - x0, y1 - y0) * SCALE;
        double rotation = normalizeRadians(Math.PI / 2 - Math.atan2(-(y1 - y0), x1 - x0));
        return new Roi(x0, y0, size, rotation);
    }

    /** Maps a crop-normalised point (0..1 across the crop) to frame pixels. */
    public double[] toFrame(double nx, double ny) {
        double a = (nx - 0.5) * size, b = (ny - 0.5) * size;
        double c = Math.cos(rotation), s = Math.sin(rotation);
        return new double[]{centerX + c * a - s * b, centerY + s * a + c * b};
    }

    /** Maps a frame pixel to crop-normalised coordinates: the inverse of {@link #toFrame}. */
    public double[] toCrop(double x, double y) {
        double dx = x - centerX, dy = y - centerY;
        double c = Math.cos(rotation), s = Math.sin(rotation);
        return new double[]{(c * dx + s * dy) / size + 0.5, (-s * dx + c * dy) / size + 0.5};
    }

    static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }
}
