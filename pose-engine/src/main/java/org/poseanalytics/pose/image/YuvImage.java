package org.poseanalytics.pose.image;

/**
 * A decoded video frame in the decoder's own layout: 8-bit YUV 4:2:0 planes, tightly packed (luma
 * {@code codedWidth × codedHeight}, each chroma plane {@code ⌈w/2⌉ × ⌈h/2⌉}), stored as coded, i.e. <em>not</em>
 * turned by the stream's display rotation; {@link #width()} and {@link #height()} are the displayed size, and
 * {@link #codedX}/{@link #codedY} map a displayed pixel to the stored one. Keeping the planes as decoded lets the
 * pose models sample their small crops straight from them (colour conversion and rotation per sampled pixel) instead
 * of converting and turning every pixel of every frame.
 *
 * <p>Colour: BT.601 limited range (video levels 16–235), with each chroma sample shared by its 2×2 luma block, the
 * conversion FFmpeg's scaler applies when it turns these planes into RGB24, so both paths see the same colours
 * (within 2 levels; {@link #toRgb()} is that conversion).
 */
public record YuvImage(int codedWidth, int codedHeight, int rotationDeg, byte[] y, byte[] u, byte[] v) implements Picture {
    public YuvImage {
        if (codedWidth <= 0 || codedHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + codedWidth + "x" + codedHeight);
        }
        if (rotationDeg != 0 && rotationDeg != 90 && rotationDeg != 180 && rotationDeg != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotationDeg);
        }
        int chroma = chromaWidth(codedWidth) * chromaHeight(codedHeight);
        if (y.length < codedWidth * codedHeight || u.length < chroma || v.length < chroma) {
            throw new IllegalArgumentException("planes smaller than " + codedWidth + "x" + codedHeight + " 4:2:0");
        }
    }

    /** Empty planes for a frame of this coded size, to be filled by a decoder and reused. */
    public static YuvImage allocate(int codedWidth, int codedHeight, int rotationDeg) {
        int chroma = chromaWidth(codedWidth) * chromaHeight(codedHeight);
        return new YuvImage(codedWidth, codedHeight, rotationDeg, new byte[codedWidth * codedHeight], new byte[chroma],
                new byte[chroma]);
    }

    public static int chromaWidth(int codedWidth) { return (codedWidth + 1) / 2; }

    public static int chromaHeight(int codedHeight) { return (codedHeight + 1) / 2; }

    public int chromaWidth() { return chromaWidth(codedWidth); }

    @Override
    public int width() { return rotationDeg % 180 == 0 ? codedWidth : codedHeight; }

    @Override
    public int height() { return rotationDeg % 180 == 0 ? codedHeight : codedWidth; }

    /** The stored column of displayed pixel ({@code x}, {@code y}); also exact for fractional pixel coordinates. */
    public double codedX(double x, double y) {
        return switch (rotationDeg) {
            case 90 -> y;
            case 180 -> codedWidth - 1 - x;
            case 270 -> codedWidth - 1 - y;
            default -> x;
        };
    }

    /** The stored row of displayed pixel ({@code x}, {@code y}). */
    public double codedY(double x, double y) {
        return switch (rotationDeg) {
            case 90 -> codedHeight - 1 - x;
            case 180 -> codedHeight - 1 - y;
            case 270 -> x;
            default -> y;
        };
    }

    /**
     * BT.601 limited range to RGB in 16.16 fixed point, FFmpeg's coefficients: luma factor 1.164 and so on (public
     * with the offsets below for samplers that blend the planes before converting, e.g. BlazePose's crop).
     */
    public static final int LUMA = 76309, RED_V = 104597, GREEN_U = 25675, GREEN_V = 53279, BLUE_U = 132201;
    /**
     * Offsets (16.16) added before the truncating shift. FFmpeg's x86 converter, which the RGB path goes through,
     * truncates at several steps and comes out 0.5 to 1.4 levels below the exact formula; fitted on its output
     * (a colour test pattern and the squat fixture), these match it within 2 levels, 0.2 to 0.3 on average, where
     * plain rounding was up to 3 levels off, 0.6 to 1.0 on average (CropSamplerYuvTest).
     */
    public static final int RED_OFFSET = -32768, GREEN_OFFSET = -52429, BLUE_OFFSET = -32768;

    /** Stored pixel ({@code codedX}, {@code codedY}) as 8-bit red, green, blue into {@code out[at..at+2]}. */
    public void rgbAt(int codedX, int codedY, int[] out, int at) {
        int luma = LUMA * ((y[codedY * codedWidth + codedX] & 0xff) - 16);
        int c = (codedY >> 1) * chromaWidth() + (codedX >> 1);
        int cu = (u[c] & 0xff) - 128, cv = (v[c] & 0xff) - 128;
        out[at] = clamp((luma + RED_V * cv + RED_OFFSET) >> 16);
        out[at + 1] = clamp((luma - GREEN_U * cu - GREEN_V * cv + GREEN_OFFSET) >> 16);
        out[at + 2] = clamp((luma + BLUE_U * cu + BLUE_OFFSET) >> 16);
    }

    private static int clamp(int v) { return v < 0 ? 0 : Math.min(v, 255); }

    @Override
    public RgbImage toRgb() {
        int w = width(), h = height();
        byte[] rgb = new byte[w * h * 3];
        int[] px = new int[3];
        for (int yd = 0, o = 0; yd < h; yd++) {
            for (int xd = 0; xd < w; xd++) {
                rgbAt((int) codedX(xd, yd), (int) codedY(xd, yd), px, 0);
                rgb[o++] = (byte) px[0]; rgb[o++] = (byte) px[1]; rgb[o++] = (byte) px[2];
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
