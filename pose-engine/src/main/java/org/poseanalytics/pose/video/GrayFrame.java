package org.poseanalytics.pose.video;

/**
 * One frame as 8-bit grey, as displayed (rotation applied), row-major, no padding. Decoder-neutral so a synthetic
 * source in a test feeds the point tracker as well as {@link VideoSource#gray()} does.
 */
public record GrayFrame(long index, double timeS, int width, int height, byte[] pixels) {
    public GrayFrame {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " grey bytes for " + width + "x" + height + ", got " + pixels.length);
        }
    }
}
