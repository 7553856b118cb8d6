package org.poseanalytics.pose.video;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Every FFmpeg open of a video file goes through here: FFmpeg may then read that one local file and nothing else. A
 * playlist or concatenation file (HLS, concat) would otherwise make FFmpeg open further files or URLs it names.
 */
public final class FileOnlyGrabber {
    private FileOnlyGrabber() {}

    /**
     * A grabber (not started) for {@code file} that may use the {@code file} protocol only and only the demuxers in
     * {@code demuxers} (FFmpeg's comma-separated {@code format_whitelist}, e.g. {@link VideoLimits#formatWhitelist()} or
     * the name {@link VideoProbe} found).
     */
    public static FFmpegFrameGrabber of(Path file, String demuxers) {
        FFmpegFrameGrabber grabber = of(file);
        grabber.setOption("format_whitelist", demuxers);
        return grabber;
    }

    /**
     * A grabber for a file already accepted by {@link VideoProbe} (same bytes, so FFmpeg picks the same demuxer): the
     * {@code file} protocol only.
     */
    public static FFmpegFrameGrabber of(Path file) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setOption("protocol_whitelist", "file");
        return grabber;
    }
}
