package org.poseanalytics.pose.video;

import java.util.Optional;
import org.poseanalytics.pose.image.RgbImage;

/**
 * The displayed frames in grey, so followed points and keypoints share one coordinate frame (rotation applied,
 * stream timestamps): converted from the decoder's RGB rather than decoded as grey, so the turn is done in one place.
 */
final class DecodedGrayFrames implements GrayFrames {
    private final VideoDecoder decoder;

    DecodedGrayFrames(VideoDecoder decoder) { this.decoder = decoder; }

    @Override
    public Optional<GrayFrame> next() {
        DecodedFrame frame = decoder.next();
        if (frame == null) return Optional.empty();
        GrayFrame gray = new GrayFrame(frame.index(), frame.timeS(), frame.image().width(), frame.image().height(),
                luma(frame.image()));
        decoder.release(frame);
        return Optional.of(gray);
    }

    /** BT.601 luma in integer arithmetic, as OpenCV's RGB→GRAY. */
    static byte[] luma(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        byte[] gray = new byte[n];
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            int r = rgb[j] & 0xff, g = rgb[j + 1] & 0xff, b = rgb[j + 2] & 0xff;
            gray[i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
        }
        return gray;
    }

    @Override
    public void close() { decoder.close(); }
}
