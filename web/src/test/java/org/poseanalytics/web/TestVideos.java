package org.poseanalytics.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Small videos made on the spot (no downloaded media): a moving box, MPEG-4 Part 2 in an MP4 container, through
 * JavaCV; and colour bars in any codec and pixel format through the system's ffmpeg (JavaCV's build has no x264/x265).
 */
public final class TestVideos {
    private TestVideos() {}

    public static Path mp4(Path file, int width, int height, int frames, double fps) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(400_000);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(30, 90, 160));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.ORANGE);
                g.fillRect((i * 7) % (width - 40), height / 3, 40, 80);
                g.dispose();
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        }
        return file;
    }

    /**
     * {@code seconds} of SMPTE HD colour bars (a still, saturated picture, so frames compare one to one) encoded by
     * the system's ffmpeg with {@code encoding}, e.g. {@code -c:v libx265 -pix_fmt yuv420p10le}. Skips the test where
     * ffmpeg is missing, fails it under CI=true.
     */
    public static Path colourBars(Path file, int width, int height, double seconds, String... encoding) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "smptehdbars=size=" + width + "x" + height + ":rate=25", "-t", String.valueOf(seconds)));
        args.addAll(List.of(encoding));
        return ffmpeg(file, args.toArray(String[]::new));
    }

    /**
     * {@code file} written by the system's ffmpeg with {@code args} (inputs, filters, encoding; the output is appended).
     * Skips the test where ffmpeg is missing, fails it under CI=true.
     */
    public static Path ffmpeg(Path file, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(FFMPEG))) org.poseanalytics.web.testing.BrowserTest.skipOrFail("this test makes its videos with " + FFMPEG + " (apt-get install ffmpeg)");
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("ffmpeg " + String.join(" ", args) + " failed: " + out);
        return file;
    }

    private static final String FFMPEG = System.getProperty("ffmpeg.binary", "/usr/bin/ffmpeg");
}
