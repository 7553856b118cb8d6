package org.poseanalytics.tracking.point;

/**
 * One decoded frame as 8-bit grey, row-major, no padding. Decoder-neutral so any frame source (ours on
 * FFmpeg, the pose engine's, a synthetic one in a test) can feed the point tracker.
 */
public record GrayFrame(long index, double timeS, int width, int height, byte[] pixels) {
    public GrayFrame {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " grey bytes for " + width + "x" + height + ", got " + pixels.length);
        }
    }
}
