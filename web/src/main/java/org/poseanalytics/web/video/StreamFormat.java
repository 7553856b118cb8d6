package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.poseanalytics.pose.video.FileOnlyGrabber;

/**
 * What decides whether a browser plays a video file as it is: the container, the codec and the pixel format
 * (chroma subsampling and bit depth), as FFmpeg names them ("mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p"), and the
 * colour description the browser-playable copy must keep (FFmpeg's names too, "unknown" where the file says nothing).
 */
public record StreamFormat(String container, String codec, String pixelFormat, String colorRange, String colorSpace,
                           String colorPrimaries, String colorTransfer) {

    /** Reads the headers of the file's video stream (no frame is decoded). */
    public static StreamFormat probe(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = FileOnlyGrabber.of(file)) {
            grabber.start();
            AVCodecParameters p = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar();
            return new StreamFormat(grabber.getFormat(), avcodec.avcodec_get_name(p.codec_id()).getString(),
                    name(avutil.av_get_pix_fmt_name(p.format())), name(avutil.av_color_range_name(p.color_range())),
                    name(avutil.av_color_space_name(p.color_space())), name(avutil.av_color_primaries_name(p.color_primaries())),
                    name(avutil.av_color_transfer_name(p.color_trc())));
        } catch (RuntimeException | FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot read the video's format: " + e.getMessage(), e);
        }
    }

    private static String name(org.bytedeco.javacpp.BytePointer p) { return p == null || p.isNull() ? "unknown" : p.getString(); }
}
