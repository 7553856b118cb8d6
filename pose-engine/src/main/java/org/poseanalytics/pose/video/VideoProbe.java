package org.poseanalytics.pose.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/**
 * Checks by content that a file holds a decodable video stream and reads its metadata. Used to validate
 * uploads before anything is stored, and by the decoder to describe its input.
 */
public final class VideoProbe {
    /** Demuxers that FFmpeg uses for single pictures: a photo renamed .mp4 is not a video. */
    private static final Set<String> IMAGE_FORMATS = Set.of("image2", "png_pipe", "jpeg_pipe", "bmp_pipe",
            "gif_pipe", "webp_pipe", "tiff_pipe", "svg_pipe", "pgm_pipe", "ppm_pipe", "image2pipe");
    /** Enough packets to tell constant from variable frame rate without reading a 2 GB file end to end. */
    private static final int TIMESTAMP_SAMPLE = 600;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    }

    private VideoProbe() {}

    /** {@link #probe(Path, VideoLimits)} within {@link VideoLimits#DEFAULTS}. */
    public static VideoInfo probe(Path file) throws UnreadableVideoException {
        return probe(file, VideoLimits.DEFAULTS);
    }

    /**
     * Reads the file's metadata, refusing it ({@link VideoOverLimitException}) when its header declares more than
     * {@code limits} allow: checked on the container header before FFmpeg estimates anything, and again on FFmpeg's
     * estimates before the first frame is decoded. FFmpeg reads only this file, through an allowed demuxer.
     */
    public static VideoInfo probe(Path file, VideoLimits limits) throws UnreadableVideoException {
        if (!Files.isRegularFile(file)) throw new UnreadableVideoException(file + ": no such file");
        try {
            if (Files.size(file) == 0) throw new UnreadableVideoException("the file is empty (0 bytes)");
        } catch (java.io.IOException e) {
            throw new UnreadableVideoException("cannot read " + file + ": " + e.getMessage(), e);
        }
        VideoInfo header = VideoHeader.read(file, limits);
        try (FFmpegFrameGrabber grabber = FileOnlyGrabber.of(file, header.container())) {
            // A stream whose pictures turn out larger than its header said fails to decode rather than allocating them.
            grabber.setVideoOption("max_pixels", String.valueOf((long) limits.maxWidth() * limits.maxHeight()));
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw new UnreadableVideoException("not a video FFmpeg can read (" + firstLine(e) + ")", e);
            }
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
                throw new UnreadableVideoException(grabber.hasAudio()
                        ? "the file holds only audio, no video stream"
                        : "the file holds no video stream");
            }
            String format = grabber.getFormat();
            if (format != null && isImageFormat(format)) {
                throw new UnreadableVideoException("the file is a still image (" + format + "), not a video");
            }
            int rotation = normaliseRotation(grabber.getDisplayRotation());
            boolean quarterTurn = rotation == 90 || rotation == 270;
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            double fps = grabber.getVideoFrameRate();
            long frames = grabber.getLengthInVideoFrames();
            double duration = grabber.getLengthInTime() / 1e6;
            if (frames <= 0 && fps > 0 && duration > 0) frames = Math.round(duration * fps);
            boolean audio = grabber.hasAudio();
            // FFmpeg's estimates (frame rate, frames of a container that does not count them), before any decoding.
            limits.check(new VideoInfo(format, header.codec(), w, h, 0, frames, duration, fps, false, audio));
            Frame first = grabber.grabImage();
            if (first == null || first.image == null) {
                throw new UnreadableVideoException("the video stream holds no decodable frame");
            }
            boolean vfr = isVariableFrameRate(file, header.container());
            return new VideoInfo(format, grabber.getVideoCodecName(), quarterTurn ? h : w, quarterTurn ? w : h, rotation,
                    frames, duration, fps, vfr, audio);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new UnreadableVideoException("the video cannot be decoded (" + firstLine(e) + ")", e);
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new UnreadableVideoException("the video cannot be read (" + firstLine(e) + ")", e);
        }
    }

    static boolean isImageFormat(String demuxer) { return IMAGE_FORMATS.contains(demuxer); }

    /**
     * Variable when frame-to-frame gaps of the first packets (in presentation order) differ by more than
     * 10% from their median: phones drop and stretch frames; a constant-rate file never does.
     */
    static boolean isVariableFrameRate(Path file, String demuxer) throws org.bytedeco.javacv.FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = FileOnlyGrabber.of(file, demuxer)) {
            grabber.start();
            int videoStream = grabber.getVideoStream();
            List<Long> pts = new ArrayList<>();
            AVPacket packet;
            while (pts.size() < TIMESTAMP_SAMPLE && (packet = grabber.grabPacket()) != null) {
                if (packet.stream_index() == videoStream && packet.pts() != avutil.AV_NOPTS_VALUE) pts.add(packet.pts());
            }
            if (pts.size() < 3) return false;
            Collections.sort(pts);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < pts.size(); i++) gaps.add(pts.get(i) - pts.get(i - 1));
            List<Long> sorted = new ArrayList<>(gaps);
            Collections.sort(sorted);
            double median = sorted.get(sorted.size() / 2);
            if (median <= 0) return false;
            return gaps.stream().anyMatch(g -> Math.abs(g - median) > 0.1 * median);
        }
    }

    static int normaliseRotation(double degrees) {
        // FFmpeg's display matrix gives counter-clockwise degrees; players turn the picture clockwise.
        long r = Math.round(-degrees) % 360;
        if (r < 0) r += 360;
        return (int) (Math.round(r / 90.0) * 90 % 360);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
