package org.poseanalytics.pose.video;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Streams a video's frames as displayed (rotation metadata applied), with the stream's own timestamps, in
 * constant memory: frame buffers come from a small pool that callers give back with {@link #release}. Any codec
 * the bundled FFmpeg reads works (H.264, HEVC, VP9, AV1, ProRes, ...).
 *
 * <p>A stream that ends early (truncated upload, corrupt data) is not an exception: {@link #next} returns null
 * and {@link #report()} says how far it got, so callers keep what decoded and tell the user where it stopped.
 */
public final class VideoDecoder implements AutoCloseable {
    /** A stream that stops more than this before the container's duration counts as cut short. */
    private static final double TRUNCATION_TOLERANCE_S = 0.5;

    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final int rotation;
    private final long startUs;
    private final ConcurrentLinkedQueue<byte[]> pool = new ConcurrentLinkedQueue<>();
    private long index;
    private double lastTimeS = Double.NaN;
    private String problem;
    private boolean ended;

    private VideoDecoder(FFmpegFrameGrabber grabber, VideoInfo info) {
        this.grabber = grabber;
        this.info = info;
        this.rotation = info.rotationDeg();
        long start = grabber.getFormatContext().start_time();
        this.startUs = start == avutil.AV_NOPTS_VALUE ? 0 : start;
    }

    /** Opens a video that {@link VideoProbe} described as {@code info}; callers go through {@link VideoSource}. */
    static VideoDecoder open(Path file, VideoInfo info) throws UnreadableVideoException {
        FFmpegFrameGrabber grabber = FileOnlyGrabber.of(file, info.container());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        // Decoding threads: FFmpeg's frame threading overlaps well with inference on another core.
        grabber.setVideoOption("threads", "auto");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new UnreadableVideoException("the video cannot be opened for decoding (" + e.getMessage() + ")", e);
        }
        return new VideoDecoder(grabber, info);
    }

    /**
     * The displayed picture on screen at {@code timeS} seconds from the stream start (the last frame that starts at or
     * before it), or null past the last frame. FFmpeg seeks to the keyframe before and decodes forward to it.
     */
    static RgbImage pictureAt(Path file, VideoInfo info, double timeS) throws UnreadableVideoException {
        try (VideoDecoder decoder = open(file, info)) {
            try {
                // The grabber adds the stream's start time itself: seconds here are the frames' timeS.
                decoder.grabber.setVideoTimestamp(Math.round(Math.max(0, timeS) * 1e6));
            } catch (FrameGrabber.Exception e) {
                throw new UnreadableVideoException(String.format("cannot seek to %.2f s (%s)", timeS, e.getMessage()), e);
            }
            DecodedFrame frame = decoder.next();
            // A fresh decoder's first buffer is its own allocation, not a pooled one: the caller may keep it.
            return frame == null ? null : frame.image();
        }
    }

    public VideoInfo info() { return info; }

    /** The next displayed frame, or null at the end of the stream (or where a broken stream stops). */
    public DecodedFrame next() {
        if (ended) return null;
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            return end("decoding stopped at " + describeWhere() + ": " + e.getMessage());
        }
        if (frame == null || frame.image == null) return end(null);
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int dw = FrameRotation.displayedWidth(w, h, rotation);
        int dh = FrameRotation.displayedHeight(w, h, rotation);
        byte[] rgb = borrow(dw * dh * 3);
        FrameRotation.copyRotated((ByteBuffer) frame.image[0], frame.imageStride, w, h, rotation, rgb);
        double timeS = (frame.timestamp - startUs) / 1e6;
        lastTimeS = timeS;
        return new DecodedFrame(index++, timeS, new RgbImage(dw, dh, rgb));
    }

    /** Gives a frame's buffer back for reuse; the frame must not be read afterwards. */
    public void release(DecodedFrame frame) {
        if (pool.size() < 8) pool.offer(frame.image().rgb());
    }

    /** How far decoding got; final once {@link #next} has returned null. */
    public DecodeReport report() {
        return new DecodeReport(index, lastTimeS, info.durationS(), problem == null, problem);
    }

    private byte[] borrow(int size) {
        byte[] b;
        while ((b = pool.poll()) != null) {
            if (b.length == size) return b;
        }
        return new byte[size];
    }

    private DecodedFrame end(String failure) {
        ended = true;
        if (failure != null) {
            problem = failure;
        } else if (index == 0) {
            problem = "no frame could be decoded";
        } else if (info.durationS() > 0 && lastTimeS + frameInterval() + TRUNCATION_TOLERANCE_S < info.durationS()) {
            problem = String.format("the video stops early at %.2f s (frame %d) of %.2f s; the file looks truncated",
                    lastTimeS, index, info.durationS());
        }
        return null;
    }

    private double frameInterval() { return info.nominalFps() > 0 ? 1 / info.nominalFps() : 0; }

    private String describeWhere() {
        return index == 0 ? "the first frame" : String.format("%.2f s (frame %d)", lastTimeS, index);
    }

    @Override
    public void close() { closeQuietly(grabber); }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Nothing left to save from a grabber that fails to close.
        }
    }
}
