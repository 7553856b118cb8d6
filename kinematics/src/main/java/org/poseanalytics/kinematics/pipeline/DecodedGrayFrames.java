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
 * coordinate frame (rotation applied, stream timestamps). Used by the analysis pipeline and by the web app's
 * click-to-track.
 */
public final class DecodedGrayFrames implements FrameSource {
    private final VideoDecoder decoder;
    private final Runnable onFrame;

    private DecodedGrayFrames(VideoDecoder decoder, Runnable onFrame) {
        this.decoder = decoder;
        this.onFrame = onFrame;
    }

    public static DecodedGrayFrames open(Path video) { return open(video, () -> { }); }

    /** @param onFrame runs after every frame read (a progress count) */
    public static DecodedGrayFrames open(Path video, Runnable onFrame) {
        try {
            return new DecodedGrayFrames(VideoDecoder.open(video), onFrame);
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
        onFrame.run();
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
