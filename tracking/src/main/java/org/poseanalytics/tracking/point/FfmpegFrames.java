package org.poseanalytics.tracking.point;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames of a video file decoded with JavaCV's FFmpegFrameGrabber as grey, timed by the stream's own
 * timestamps. Rotation metadata is not applied here (the pose engine's decoder does that; plug it in through
 * {@link VideoFrames} so point coordinates match keypoint coordinates).
 */
public final class FfmpegFrames implements VideoFrames {
    private final Path file;

    public FfmpegFrames(Path file) {
        if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read video " + file);
        this.file = file;
    }

    @Override
    public FrameSource open() {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
        try {
            g.start();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalArgumentException("cannot decode video " + file + ": " + e.getMessage(), e);
        }
        return new Source(g, file);
    }

    private static final class Source implements FrameSource {
        private final FFmpegFrameGrabber grabber;
        private final Path file;
        private long index;

        Source(FFmpegFrameGrabber grabber, Path file) {
            this.grabber = grabber;
            this.file = file;
        }

        @Override
        public Optional<GrayFrame> next() {
            try {
                Frame f = grabber.grabImage();
                if (f == null || f.image == null) return Optional.empty();
                int w = f.imageWidth, h = f.imageHeight, stride = f.imageStride;
                ByteBuffer buf = ((ByteBuffer) f.image[0]).duplicate();
                byte[] px = new byte[w * h];
                for (int y = 0; y < h; y++) {
                    buf.position(y * stride);
                    buf.get(px, y * w, w);
                }
                return Optional.of(new GrayFrame(index++, f.timestamp / 1e6, w, h, px));
            } catch (FrameGrabber.Exception e) {
                throw new IllegalStateException("decoding " + file + " failed at frame " + index + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception e) {
                throw new IllegalStateException("closing " + file + " failed: " + e.getMessage(), e);
            }
        }
    }
}
