package org.poseanalytics.pose.image;

/**
 * A picture as the models see it: interleaved 8-bit RGB, row-major, no padding ({@code rgb.length ==
 * width * height * 3}). Frames from the decoder are already rotated as displayed.
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (rgb.length < width * height * 3) throw new IllegalArgumentException("rgb buffer smaller than " + width + "x" + height + "x3");
    }
}
