package org.poseanalytics.web.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A copy of a video that every browser plays: H.264 in MP4 with the index at the front (faststart, so playback
 * and seeking start before the whole file has arrived), the rotation applied to the pixels, no audio. Made
 * only when the upload itself would not play (HEVC from iPhones, MPEG-4 Part 2, AVI, …).
 */
public final class BrowserProxy {
    private BrowserProxy() {}

    /** H.264 in MP4/MOV and VP8/VP9/AV1 in WebM play in Chromium, Firefox and Safari as uploaded. */
    public static boolean playsAsUploaded(String container, String codec) {
        String c = container == null ? "" : container.toLowerCase(Locale.ROOT);
        String v = codec == null ? "" : codec.toLowerCase(Locale.ROOT);
        boolean mp4 = c.contains("mp4") || c.contains("mov");
        boolean webm = c.contains("webm") || c.contains("matroska");
        return (mp4 && v.equals("h264")) || (webm && (v.equals("vp8") || v.equals("vp9") || v.equals("av1")));
    }

    /** Writes the proxy to {@code target} (atomically, through a temp file beside it), reporting 0..1. */
    public static void make(Path source, int rotationDeg, double durationS, Path target, DoubleConsumer progress) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part.mp4");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            boolean quarter = rotationDeg == 90 || rotationDeg == 270;
            int w = even(quarter ? grabber.getImageHeight() : grabber.getImageWidth());
            int h = even(quarter ? grabber.getImageWidth() : grabber.getImageHeight());
            String turn = switch (rotationDeg) {
                case 90 -> "transpose=clock,";
                case 180 -> "hflip,vflip,";
                case 270 -> "transpose=cclock,";
                default -> "";
            };
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(turn + "scale=" + w + ":" + h + ",format=yuv420p",
                    grabber.getImageWidth(), grabber.getImageHeight());
                 FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temp.toFile(), w, h, 0)) {
                filter.setPixelFormat(grabber.getPixelFormat());
                filter.setFrameRate(fps);
                filter.start();
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(fps);
                recorder.setVideoQuality(20);
                recorder.setVideoBitrate(4_000_000);
                recorder.setOption("movflags", "+faststart");
                recorder.start();
                Frame f;
                long lastReport = 0;
                while ((f = grabber.grabImage()) != null) {
                    long ts = grabber.getTimestamp();
                    filter.push(f);
                    Frame out;
                    while ((out = filter.pull()) != null) {
                        // The source's own timestamps are kept: variable frame rate stays in step with the analysis.
                        if (ts > recorder.getTimestamp()) recorder.setTimestamp(ts);
                        recorder.record(out);
                    }
                    if (durationS > 0 && ts - lastReport > 250_000) {
                        lastReport = ts;
                        progress.accept(Math.min(0.99, ts / 1e6 / durationS));
                    }
                }
                recorder.stop();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.accept(1.0);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw new IOException("could not convert the video for the browser: " + e.getMessage(), e);
        }
    }

    private static int even(int v) { return v - (v % 2); }
}
