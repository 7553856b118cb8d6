package org.poseanalytics.pose.video;

import java.nio.file.Path;
import java.util.Optional;
import org.poseanalytics.pose.image.RgbImage;

/**
 * The one way into a video file's pictures, always as a player shows them (rotation metadata applied, turned in
 * one place: {@link FrameRotation}) and timed by the stream's own timestamps in seconds from its start:
 * <ul>
 *   <li>{@link #displayed()}: every frame in RGB, streamed; {@link #displayed(FrameLayout, int)} as the decoder's YUV
 *       planes for pose estimation, which samples its crops from them;</li>
 *   <li>{@link #frameAt}: the one frame on screen at a time, for thumbnails and the report's key frame;</li>
 *   <li>{@link #gray()}: every frame in grey, for the point tracker (it re-reads, so each call starts over).</li>
 * </ul>
 * Holds no open file: each call opens its own decoder. The file is checked by content once, in {@link #of}; a
 * later failure to open it again means it changed underneath and is an {@link IllegalStateException}.
 */
public final class VideoSource {
    private final Path file;
    private final VideoInfo info;

    private VideoSource(Path file, VideoInfo info) {
        this.file = file;
        this.info = info;
    }

    /**
     * Checks by content that {@code file} holds a decodable video within {@link VideoLimits#DEFAULTS} (see
     * {@link VideoProbe}) and reads its metadata.
     */
    public static VideoSource of(Path file) throws UnreadableVideoException {
        return of(file, VideoLimits.DEFAULTS);
    }

    /** As {@link #of(Path)}, refusing a file over {@code limits} ({@link VideoOverLimitException}) before decoding it. */
    public static VideoSource of(Path file, VideoLimits limits) throws UnreadableVideoException {
        return new VideoSource(file, VideoProbe.probe(file, limits));
    }

    /** The displayed size, rotation, duration and frame rate. */
    public VideoInfo info() { return info; }

    /** Every frame in RGB as displayed; close the decoder when done. */
    public VideoDecoder displayed() { return displayed(FrameLayout.RGB, 0); }

    /**
     * Every frame as displayed in {@code layout}, FFmpeg decoding on {@code decodeThreads} threads (0: its own
     * choice); close the decoder when done.
     */
    public VideoDecoder displayed(FrameLayout layout, int decodeThreads) {
        try {
            return VideoDecoder.open(file, info, layout, decodeThreads);
        } catch (UnreadableVideoException e) {
            throw changed(e);
        }
    }

    /**
     * The frame on screen at {@code seconds} from the stream start (the last one starting at or before it), as
     * displayed, in a buffer the caller owns; empty past the last frame.
     */
    public Optional<RgbImage> frameAt(double seconds) {
        try {
            return Optional.ofNullable(VideoDecoder.pictureAt(file, info, seconds));
        } catch (UnreadableVideoException e) {
            throw changed(e);
        }
    }

    /** Every frame in grey (BT.601 luma of the displayed RGB), from the start; close the stream when done. */
    public GrayFrames gray() { return new DecodedGrayFrames(displayed()); }

    private IllegalStateException changed(UnreadableVideoException e) {
        return new IllegalStateException(file.getFileName() + ": " + e.getMessage(), e);
    }
}
