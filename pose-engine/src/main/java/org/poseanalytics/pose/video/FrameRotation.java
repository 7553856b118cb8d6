package org.poseanalytics.pose.video;

import java.nio.ByteBuffer;

/**
 * Copies a decoded RGB24 picture (rows of {@code stride} bytes) into a tightly packed buffer, turning it
 * clockwise by the stream's display rotation so frames come out as a player shows them. FFmpeg's grabber
 * hands out the coded picture unrotated; doing the turn during the one copy we need anyway costs no extra pass.
 */
final class FrameRotation {
    private FrameRotation() {}

    /** Displayed width for a coded picture of {@code w}×{@code h} turned by {@code rotationDeg}. */
    static int displayedWidth(int w, int h, int rotationDeg) { return rotationDeg % 180 == 0 ? w : h; }

    static int displayedHeight(int w, int h, int rotationDeg) { return rotationDeg % 180 == 0 ? h : w; }

    static void copyRotated(ByteBuffer src, int stride, int w, int h, int rotationDeg, byte[] dst) {
        switch (rotationDeg) {
            case 0 -> {
                for (int y = 0; y < h; y++) src.get(y * stride, dst, y * w * 3, w * 3);
            }
            case 90 -> { // displayed (x', y') = (h-1-y, x); displayed width = h
                byte[] row = new byte[w * 3];
                int dw = h;
                for (int y = 0; y < h; y++) {
                    src.get(y * stride, row, 0, w * 3);
                    int xd = h - 1 - y;
                    for (int x = 0, s = 0; x < w; x++, s += 3) {
                        int d = (x * dw + xd) * 3;
                        dst[d] = row[s]; dst[d + 1] = row[s + 1]; dst[d + 2] = row[s + 2];
                    }
                }
            }
            case 180 -> {
                byte[] row = new byte[w * 3];
                for (int y = 0; y < h; y++) {
                    src.get(y * stride, row, 0, w * 3);
                    int yd = h - 1 - y;
                    for (int x = 0, s = 0; x < w; x++, s += 3) {
                        int d = (yd * w + (w - 1 - x)) * 3;
                        dst[d] = row[s]; dst[d + 1] = row[s + 1]; dst[d + 2] = row[s + 2];
                    }
                }
            }
            case 270 -> { // displayed (x', y') = (y, w-1-x); displayed width = h
                byte[] row = new byte[w * 3];
                int dw = h;
                for (int y = 0; y < h; y++) {
                    src.get(y * stride, row, 0, w * 3);
                    for (int x = 0, s = 0; x < w; x++, s += 3) {
                        int d = ((w - 1 - x) * dw + y) * 3;
                        dst[d] = row[s]; dst[d + 1] = row[s + 1]; dst[d + 2] = row[s + 2];
                    }
                }
            }
            default -> throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotationDeg);
        }
    }
}
