package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.poseanalytics.pose.video.FileOnlyGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * A copy of a video that every browser plays: H.264 (8-bit 4:2:0) in MP4 with the index at the front (faststart,
 * so playback and seeking start before the whole file has arrived), the rotation applied to the pixels, the source's
 * colours kept, no audio. Made only when the upload itself would not play: HEVC from iPhones, MPEG-4 Part 2, ProRes,
 * AVI, and H.264 with 4:2:2/4:4:4 chroma or 10 bits, which Firefox and Safari (hardware decoders) refuse.
 */
public final class BrowserProxy {
    private BrowserProxy() {}

    /** Chromium and Firefox decode VP9 and AV1 in software at 8 and 10 bits; 4:2:0 is what every decoder takes. */
    private static final Set<String> SOFTWARE_DECODED_420 = Set.of("yuv420p", "yuvj420p", "yuv420p10le");
    /** H.264 goes to hardware decoders in Firefox, Safari and Chrome on phones: 8-bit 4:2:0 only. */
    private static final Set<String> H264_420 = Set.of("yuv420p", "yuvj420p");

    /**
     * Why the upload must be converted before a browser can play it, in words for the page ("HEVC (H.265) video"),
     * or empty when Chromium, Firefox and Safari play it as it is: H.264 in MP4/MOV; VP8, VP9 or AV1 in WebM; VP9 or
     * AV1 in MP4.
     */
    public static Optional<String> conversionReason(StreamFormat f) {
        String c = lower(f.container()), v = lower(f.codec()), pix = lower(f.pixelFormat());
        boolean mp4 = c.contains("mp4") || c.contains("mov");
        boolean webm = c.contains("webm") || c.contains("matroska");
        boolean plays = switch (v) {
            case "h264" -> mp4 && H264_420.contains(pix);
            case "vp8" -> webm;
            case "vp9", "av1" -> (mp4 || webm) && SOFTWARE_DECODED_420.contains(pix);
            default -> false;
        };
        if (plays) return Optional.empty();
        boolean playableCodec = v.equals("h264") || v.equals("vp8") || v.equals("vp9") || v.equals("av1");
        if (!playableCodec) return Optional.of(codecName(v) + " video");
        if (!(mp4 || webm) || (webm && v.equals("h264"))) return Optional.of(codecName(v) + " in a " + containerName(c) + " file");
        return Optional.of(codecName(v) + " with " + pixelFormatName(pix) + " colour");
    }

    public static boolean playsAsUploaded(StreamFormat f) { return conversionReason(f).isEmpty(); }

    /** Writes the proxy to {@code target} (atomically, through a temp file beside it), reporting 0..1. */
    public static void make(Path source, int rotationDeg, double durationS, Path target, DoubleConsumer progress) throws IOException {
        StreamFormat format = StreamFormat.probe(source);
        Path temp = target.resolveSibling(target.getFileName() + ".part.mp4");
        try (FFmpegFrameGrabber grabber = FileOnlyGrabber.of(source)) {
            // Decoded to packed 4:2:2 YUV: from YUV to YUV swscale applies no colour matrix, so the samples keep the
            // source's colour space and the copy needs only its tags. (An RGB step would use BT.601 for every video
            // and clip BT.709 colours; planar YUV does not cross JavaCV's one-buffer frames intact at every width.)
            grabber.setPixelFormat(avutil.AV_PIX_FMT_YUYV422);
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
                colourTags(format).forEach(recorder::setVideoOption);
                recorder.start();
                Frame f;
                long lastReport = 0;
                while ((f = grabber.grabImage()) != null) {
                    long ts = grabber.getTimestamp();
                    filter.push(f, grabber.getPixelFormat());
                    Frame out;
                    while ((out = filter.pull()) != null) {
                        // The source's own timestamps are kept: variable frame rate stays in step with the analysis.
                        if (ts > recorder.getTimestamp()) recorder.setTimestamp(ts);
                        // Named, not guessed: from the filter's one-buffer frame the recorder would take planar YUV
                        // for grey or BGR, which is what smeared green and magenta over every converted video.
                        recorder.record(out, filter.getPixelFormat());
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

    /**
     * The source's colour description for the copy, as encoder options. The range changes only where the decoder
     * output full-range "yuvj" samples: swscale reads those as full range and the copy is written in the limited one.
     */
    static java.util.Map<String, String> colourTags(StreamFormat f) {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        String range = lower(f.pixelFormat()).startsWith("yuvj") ? "tv" : lower(f.colorRange());
        if (range.equals("tv") || range.equals("pc")) tags.put("color_range", range);
        if (known(f.colorSpace())) tags.put("colorspace", f.colorSpace());
        if (known(f.colorPrimaries())) tags.put("color_primaries", f.colorPrimaries());
        if (known(f.colorTransfer())) tags.put("color_trc", f.colorTransfer());
        return tags;
    }

    private static boolean known(String name) { return name != null && !name.isBlank() && !name.equals("unknown") && !name.equals("reserved"); }

    private static String codecName(String codec) {
        return switch (codec) {
            case "hevc" -> "HEVC (H.265)";
            case "h264" -> "H.264";
            case "mpeg4" -> "MPEG-4 Part 2";
            case "prores" -> "Apple ProRes";
            case "vp8", "vp9", "av1" -> codec.toUpperCase(Locale.ROOT);
            case "" -> "an unknown codec's";
            default -> codec;
        };
    }

    private static String containerName(String container) {
        if (container.contains("matroska")) return "Matroska (MKV)";
        if (container.contains("avi")) return "AVI";
        return container.isEmpty() ? "unknown" : container;
    }

    private static String pixelFormatName(String pix) {
        if (pix.contains("444")) return "full-resolution (4:4:4)";
        if (pix.contains("422")) return "4:2:2";
        if (pix.matches(".*p1[0246](le|be)?")) return "10-bit or deeper";
        return pix + " pixel";
    }

    private static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }

    private static int even(int v) { return v - (v % 2); }
}
