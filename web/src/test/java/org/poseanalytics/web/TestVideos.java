package org.poseanalytics.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Small videos made on the spot (no downloaded media): a moving box, MPEG-4 Part 2 in an MP4 container. */
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
}
