package org.poseanalytics.pose.image;

import java.awt.image.BufferedImage;

/**
 * A picture as the models see it: interleaved 8-bit RGB, row-major, no padding ({@code rgb.length ==
 * width * height * 3}). Frames from the decoder are already rotated as displayed.
 */
public record RgbImage(int width, int height, byte[] rgb) implements Picture {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (rgb.length < width * height * 3) throw new IllegalArgumentException("rgb buffer smaller than " + width + "x" + height + "x3");
    }

    @Override
    public RgbImage toRgb() { return this; }

    /** A copy for Java 2D (drawing, scaling, JPEG), pixel for pixel. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0, i = y * width * 3; x < width; x++, i += 3) {
                row[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | rgb[i + 2] & 0xff;
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }
}
