package org.poseanalytics.web.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** A small JPEG of one frame, turned as a player would show it (the stream's rotation applied). */
final class Thumbnails {
    static final int WIDTH = 320;

    private Thumbnails() {}

    static void write(Path video, int rotationDeg, double durationS, Path jpeg) throws IOException {
        BufferedImage frame;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            // A little way in: the first frame of a phone video is often dark or blurred.
            if (durationS > 1) grabber.setVideoTimestamp((long) (Math.min(1.0, durationS / 3) * 1e6));
            Frame f = grabber.grabImage();
            if (f == null) {
                grabber.setVideoTimestamp(0);
                f = grabber.grabImage();
            }
            if (f == null) throw new IOException("no frame to make a thumbnail from");
            frame = copy(converter.convert(f));
        }
        BufferedImage turned = rotate(frame, rotationDeg);
        int h = Math.max(1, Math.round(turned.getHeight() * (WIDTH / (float) turned.getWidth())));
        BufferedImage small = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(turned, 0, 0, WIDTH, h, null);
        g.dispose();
        if (!ImageIO.write(small, "jpg", jpeg.toFile())) throw new IOException("no JPEG writer");
    }

    /** The converter reuses its buffer; copy before the grabber is closed. */
    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Clockwise by 0/90/180/270 degrees. */
    static BufferedImage rotate(BufferedImage src, int degrees) {
        if (degrees % 360 == 0) return src;
        boolean quarter = degrees == 90 || degrees == 270;
        int w = quarter ? src.getHeight() : src.getWidth();
        int h = quarter ? src.getWidth() : src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }
}
