package org.poseanalytics.pose;

/** An axis-aligned box in pixels of the displayed frame. */
public record BoundingBox(double x, double y, double width, double height) {

    public double area() { return Math.max(0, width) * Math.max(0, height); }

    public double centerX() { return x + width / 2; }

    public double centerY() { return y + height / 2; }

    public double iou(BoundingBox other) {
        double ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inter = ix * iy;
        double union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
