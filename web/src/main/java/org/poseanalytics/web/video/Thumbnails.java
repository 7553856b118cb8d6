package org.poseanalytics.web.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoSource;

/** A small JPEG of one frame as a player shows it (the pose engine's {@link VideoSource} applies the rotation). */
final class Thumbnails {
    static final int WIDTH = 320;

    private Thumbnails() {}

    static void write(Path video, Path jpeg, VideoLimits limits) throws IOException {
        VideoSource source;
        try {
            source = VideoSource.of(video, limits);
        } catch (UnreadableVideoException e) {
            throw new IOException(e.getMessage(), e);
        }
        double durationS = source.info().durationS();
        // A little way in: the first frame of a phone video is often dark or blurred.
        RgbImage frame = source.frameAt(durationS > 1 ? Math.min(1.0, durationS / 3) : 0)
                .or(() -> source.frameAt(0))
                .orElseThrow(() -> new IOException("no frame to make a thumbnail from"));
        BufferedImage shown = frame.toBufferedImage();
        int h = Math.max(1, Math.round(shown.getHeight() * (WIDTH / (float) shown.getWidth())));
        BufferedImage small = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(shown, 0, 0, WIDTH, h, null);
        g.dispose();
        if (!ImageIO.write(small, "jpg", jpeg.toFile())) throw new IOException("no JPEG writer");
    }
}
