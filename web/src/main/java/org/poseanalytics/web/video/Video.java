package org.poseanalytics.web.video;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A stored video and what the probe read from it. Width and height are of the displayed picture (rotation
 * applied). {@code storageName} names the file in the storage directory; {@code originalName} is display text.
 */
public record Video(long id, long sessionId, UUID storageName, String originalName, long sizeBytes, String container,
                    String codec, int width, int height, int rotationDeg, long frames, double durationS,
                    double nominalFps, boolean variableFrameRate, boolean hasAudio, VideoStatus status,
                    String statusMessage, String uploadedBy, OffsetDateTime uploadedAt, boolean keypointsOnly) {

    /**
     * Whether there is a video to play: false for keypoints imported without a video (issue 18), whose row holds the
     * analysis and whose file is the keypoint file. Such a row is never decoded, played or thumbnailed.
     */
    public boolean hasVideo() { return !keypointsOnly; }

    /** One line a clinician can read, e.g. "1280 × 720 · 30 fps (variable) · 4.2 s · h264 · rotated 90°". */
    public String summary() {
        if (keypointsOnly) {
            return "Keypoints without a video" + (frames > 0 ? String.format(Locale.ROOT, " · %d frames · %.3g fps · %.1f s", frames, nominalFps, durationS)
                    : " · frames and rate once analysed") + " · " + humanSize(sizeBytes);
        }
        StringBuilder s = new StringBuilder();
        s.append(width).append(" × ").append(height);
        s.append(" · ").append(String.format(Locale.ROOT, "%.3g fps", nominalFps)).append(variableFrameRate ? " (variable)" : " (constant)");
        s.append(" · ").append(String.format(Locale.ROOT, "%.1f s", durationS));
        s.append(" · ").append(frames).append(" frames");
        if (codec != null) s.append(" · ").append(codec);
        if (rotationDeg != 0) s.append(" · rotated ").append(rotationDeg).append("°");
        s.append(" · ").append(humanSize(sizeBytes));
        return s.toString();
    }

    public static String humanSize(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
