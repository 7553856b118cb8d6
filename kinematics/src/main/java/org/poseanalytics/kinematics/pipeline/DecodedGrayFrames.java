package org.poseanalytics.kinematics.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.tracking.point.FrameSource;
import org.poseanalytics.tracking.point.GrayFrame;

/**
 * The pose engine's decoder as the point tracker's frame source, so followed points and keypoints share one
 * coordinate frame (rotation applied, stream timestamps).
 */
final class DecodedGrayFrames implements FrameSource {
    private final VideoDecoder decoder;

    private DecodedGrayFrames(VideoDecoder decoder) { this.decoder = decoder; }

    static DecodedGrayFrames open(Path video) {
        try {
            return new DecodedGrayFrames(VideoDecoder.open(video));
        } catch (UnreadableVideoException e) {
            throw new IllegalArgumentException(video.getFileName() + ": " + e.getMessage(), e);
        }
    }

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
