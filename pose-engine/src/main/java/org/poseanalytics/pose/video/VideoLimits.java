package org.poseanalytics.pose.video;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an untrusted video may declare before anything decodes it: a frame of at most {@code maxWidth}×{@code maxHeight}
 * pixels (either orientation), at most {@code maxFps} frames per second, {@code maxDurationS} seconds and
 * {@code maxFrames} frames, in one of the {@code containers} (FFmpeg demuxer names) holding one of the {@code codecs}
 * (FFmpeg codec names). A small file can declare a frame of 16000×16000 or a thousand frames a second: the header is
 * cheap to write and costly to decode, so these are checked on the header's values ({@link VideoProbe}).
 */
public record VideoLimits(int maxWidth, int maxHeight, double maxFps, double maxDurationS, long maxFrames,
                          Set<String> containers, Set<String> codecs) {
    /**
     * The containers phones, cameras, browsers and screen recorders write: MP4/MOV, Matroska/WebM and AVI. Playlists and
     * concatenation files (concat, HLS, DASH), raw streams and image sequences are not among them: they name other files.
     */
    public static final Set<String> CONTAINERS = Set.of("mov", "mp4", "matroska", "webm", "avi");
    /**
     * What those devices encode and the bundled FFmpeg decodes: H.264 and HEVC (phones, cameras), VP8, VP9 and AV1
     * (browsers, screen recorders, WebM exports), MPEG-4 Part 2 and Motion JPEG (older cameras, webcams, action
     * cameras), ProRes (iPhone Pro and editing exports), and FFV1 and PNG (lossless recordings and exports).
     */
    public static final Set<String> CODECS = Set.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mjpeg", "prores", "ffv1", "png");
    /** 8K in either orientation, 240 fps slow motion, a two-hour session, a million frames. */
    public static final VideoLimits DEFAULTS = new VideoLimits(8192, 8192, 240, 2 * 3600, 1_000_000, CONTAINERS, CODECS);

    public VideoLimits {
        if (maxWidth <= 0 || maxHeight <= 0 || maxFps <= 0 || maxDurationS <= 0 || maxFrames <= 0) {
            throw new IllegalArgumentException("video limits must be positive: " + maxWidth + "×" + maxHeight + ", " + maxFps
                    + " fps, " + maxDurationS + " s, " + maxFrames + " frames");
        }
        containers = lowerCase(containers);
        codecs = lowerCase(codecs);
        if (containers.isEmpty() || codecs.isEmpty()) throw new IllegalArgumentException("no container or no codec allowed");
    }

    public VideoLimits withMaxFps(double fps) {
        return new VideoLimits(maxWidth, maxHeight, fps, maxDurationS, maxFrames, containers, codecs);
    }

    public VideoLimits withMaxFrames(long n) {
        return new VideoLimits(maxWidth, maxHeight, maxFps, maxDurationS, n, containers, codecs);
    }

    /** FFmpeg's {@code format_whitelist}: demuxers outside it are refused before they read the file's header. */
    public String formatWhitelist() { return String.join(",", new TreeSet<>(containers)); }

    /** Whether FFmpeg's demuxer name (e.g. "mov,mp4,m4a,3gp,3g2,mj2", one demuxer with several names) is allowed. */
    public boolean allowsContainer(String demuxer) {
        return demuxer != null && Arrays.stream(demuxer.split(",")).anyMatch(containers::contains);
    }

    /**
     * Throws with a message naming the limit and what the file declares. Values the header leaves unknown (0) pass here;
     * {@link VideoProbe} checks again once FFmpeg has estimated them, still before decoding a frame.
     */
    public void check(VideoInfo v) throws VideoOverLimitException {
        if (!allowsContainer(v.container())) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.CONTAINER, "the file is not a video in one of the accepted containers MP4, MOV, WebM, Matroska "
                    + "and AVI; it is a " + v.container() + " file");
        }
        if (v.codec() == null || !codecs.contains(v.codec().toLowerCase(Locale.ROOT))) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.CODEC, "the video is encoded as " + v.codec() + ", not one of the accepted codecs "
                    + String.join(", ", new TreeSet<>(codecs)));
        }
        int longSide = Math.max(v.width(), v.height());
        int shortSide = Math.min(v.width(), v.height());
        if (longSide > Math.max(maxWidth, maxHeight) || shortSide > Math.min(maxWidth, maxHeight)) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.SIZE, "the video declares " + v.width() + "×" + v.height() + " pixels; the limit is "
                    + maxWidth + "×" + maxHeight);
        }
        if (v.nominalFps() > maxFps) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.FRAME_RATE, "the video declares " + number(v.nominalFps()) + " frames per second; the limit is "
                    + number(maxFps));
        }
        if (v.durationS() > maxDurationS) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.DURATION, "the video lasts " + duration(v.durationS()) + "; the limit is " + duration(maxDurationS));
        }
        if (v.frames() > maxFrames) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.FRAMES, "the video declares " + String.format(Locale.ROOT, "%,d", v.frames())
                    + " frames; the limit is " + String.format(Locale.ROOT, "%,d", maxFrames));
        }
    }

    private static Set<String> lowerCase(Set<String> names) {
        TreeSet<String> s = new TreeSet<>();
        if (names != null) names.forEach(n -> { if (n != null && !n.isBlank()) s.add(n.trim().toLowerCase(Locale.ROOT)); });
        return Set.copyOf(s);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    /** "2 h 10 min", "45 min 3 s", "12 s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600, m = s % 3600 / 60, sec = s % 60;
        if (h > 0) return h + " h" + (m > 0 ? " " + m + " min" : "");
        if (m > 0) return m + " min" + (sec > 0 ? " " + sec + " s" : "");
        return sec + " s";
    }
}
