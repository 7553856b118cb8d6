package org.poseanalytics.pose.video;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.image.YuvImage;

/**
 * Streams a video's frames as displayed (rotation metadata applied), with the stream's own timestamps, in
 * constant memory: frame buffers come from a small pool that callers give back with {@link #release}. Any codec
 * the bundled FFmpeg reads works (H.264, HEVC, VP9, AV1, ProRes, ...). Frames come in RGB or as the decoder's YUV
 * planes ({@link FrameLayout}); FFmpeg decodes on the number of threads it is given ({@code 0}: its own choice,
 * one per core and one more), so a caller running inference beside it can leave it the cores inference does not use.
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
    private final FrameLayout layout;
    private final ConcurrentLinkedQueue<Picture> pool = new ConcurrentLinkedQueue<>();
    private long index;
    private double lastTimeS = Double.NaN;
    private String problem;
    private boolean ended;

    private VideoDecoder(FFmpegFrameGrabber grabber, VideoInfo info, FrameLayout layout) {
        this.grabber = grabber;
        this.info = info;
        this.layout = layout;
        this.rotation = info.rotationDeg();
        long start = grabber.getFormatContext().start_time();
        this.startUs = start == avutil.AV_NOPTS_VALUE ? 0 : start;
    }

    /** Opens a video that {@link VideoProbe} described as {@code info}; callers go through {@link VideoSource}. */
    static VideoDecoder open(Path file, VideoInfo info) throws UnreadableVideoException {
        return open(file, info, FrameLayout.RGB, 0);
    }

    /** As {@link #open(Path, VideoInfo)}, in {@code layout}, decoding on {@code threads} threads (0: FFmpeg's choice). */
    static VideoDecoder open(Path file, VideoInfo info, FrameLayout layout, int threads) throws UnreadableVideoException {
        if (threads < 0) throw new IllegalArgumentException("decoding threads must be 0 (automatic) or more: " + threads);
        FFmpegFrameGrabber grabber = FileOnlyGrabber.of(file, info.container());
        grabber.setPixelFormat(layout == FrameLayout.YUV420 ? avutil.AV_PIX_FMT_YUV420P : avutil.AV_PIX_FMT_RGB24);
        grabber.setVideoOption("threads", threads == 0 ? "auto" : Integer.toString(threads));
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new UnreadableVideoException("the video cannot be opened for decoding (" + e.getMessage() + ")", e);
        }
        return new VideoDecoder(grabber, info, layout);
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
        Picture picture = layout == FrameLayout.YUV420 ? copyPlanes(frame) : copyRgb(frame);
        double timeS = (frame.timestamp - startUs) / 1e6;
        lastTimeS = timeS;
        return new DecodedFrame(index++, timeS, picture);
    }

    private RgbImage copyRgb(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int dw = FrameRotation.displayedWidth(w, h, rotation);
        int dh = FrameRotation.displayedHeight(w, h, rotation);
        RgbImage image = borrow(RgbImage.class, p -> p.width() == dw && p.height() == dh);
        if (image == null) image = new RgbImage(dw, dh, new byte[dw * dh * 3]);
        FrameRotation.copyRotated((ByteBuffer) frame.image[0], frame.imageStride, w, h, rotation, image.rgb());
        return image;
    }

    /** The three planes, row by row (FFmpeg pads its rows), into a reused buffer; rotation stays metadata. */
    private YuvImage copyPlanes(Frame frame) {
        AVFrame av = (AVFrame) frame.opaque;
        if (av == null || av.format() != avutil.AV_PIX_FMT_YUV420P) {
            throw new IllegalStateException("the decoder did not deliver YUV 4:2:0 planes");
        }
        int w = frame.imageWidth, h = frame.imageHeight;
        YuvImage image = borrow(YuvImage.class, p -> p.codedWidth() == w && p.codedHeight() == h);
        if (image == null) image = YuvImage.allocate(w, h, rotation);
        copyPlane(av, 0, w, h, image.y());
        copyPlane(av, 1, YuvImage.chromaWidth(w), YuvImage.chromaHeight(h), image.u());
        copyPlane(av, 2, YuvImage.chromaWidth(w), YuvImage.chromaHeight(h), image.v());
        return image;
    }

    private static void copyPlane(AVFrame av, int plane, int w, int h, byte[] dst) {
        int stride = av.linesize(plane);
        ByteBuffer src = av.data(plane).capacity((long) stride * (h - 1) + w).asByteBuffer();
        if (stride == w) {
            src.get(0, dst, 0, w * h);
        } else {
            for (int y = 0; y < h; y++) src.get(y * stride, dst, y * w, w);
        }
    }

    /** Gives a frame's buffer back for reuse; the frame must not be read afterwards. */
    public void release(DecodedFrame frame) {
        if (pool.size() < 8) pool.offer(frame.picture());
    }

    /** How far decoding got; final once {@link #next} has returned null. */
    public DecodeReport report() {
        return new DecodeReport(index, lastTimeS, info.durationS(), problem == null, problem);
    }

    /** A pooled picture that fits, or null; ones that do not fit (the size changed mid-stream) are dropped. */
    private <T extends Picture> T borrow(Class<T> type, java.util.function.Predicate<T> fits) {
        Picture p;
        while ((p = pool.poll()) != null) {
            if (type.isInstance(p) && fits.test(type.cast(p))) return type.cast(p);
        }
        return null;
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
