package org.poseanalytics.web.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.poseanalytics.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the browser plays for a video: the upload itself when browsers play it, else the copy {@link BrowserCopies}
 * makes once in the background and keeps beside it. A request never converts: while the copy is being made it is told
 * so ({@link NotPlayableYet}). Access and the audit record go through {@link VideoService#openForViewing}.
 */
@Service
public class PlaybackService {
    private final VideoService videos;
    private final BrowserCopies copies;
    private final JdbcClient jdbc;
    private final org.poseanalytics.web.storage.Storage storage;

    PlaybackService(VideoService videos, BrowserCopies copies, JdbcClient jdbc, org.poseanalytics.web.storage.Storage storage) {
        this.videos = videos;
        this.copies = copies;
        this.jdbc = jdbc;
        this.storage = storage;
    }

    /**
     * Where the video's browser copy stands. A video uploaded before copies were made in the background, or whose copy
     * waits with no node working on it (a restart), is queued now: once, not per request.
     */
    public BrowserCopy copy(Video v) {
        BrowserCopy c = jdbc.sql("select playback, playback_reason, playback_fraction, playback_message from video where id = :id")
                .param("id", v.id())
                .query((rs, n) -> new BrowserCopy(PlaybackState.of(rs.getString("playback")), rs.getString("playback_reason"),
                        rs.getDouble("playback_fraction"), rs.getString("playback_message")))
                .optional().orElseThrow(() -> new NotFoundException("Video " + v.id()));
        // Keypoints imported without a video (issue 18): their stored file is the keypoints, never to be converted or played.
        if (v.hasVideo() && (c.state() == PlaybackState.UNKNOWN || c.state() == PlaybackState.PENDING)) copies.queue(v.id());
        return c;
    }

    /** Why the video must be converted before browsers play it ("HEVC (H.265) video"); empty when it plays as uploaded. */
    public Optional<String> conversionReason(Video v) { return Optional.ofNullable(copy(v).reason()); }

    public boolean ready(Video v) {
        if (!v.hasVideo()) return false;
        BrowserCopy c = copy(v);
        return c.state() == PlaybackState.AS_UPLOADED || (c.state() == PlaybackState.READY && Files.exists(storage.playable(v.storageName())));
    }

    /** The file to send for playing; audited as a view. Throws {@link NotPlayableYet} while no playable file exists. */
    @PreAuthorize("hasRole('VIEWER')")
    public Playable open(long videoId) {
        Video v = videos.get(videoId);
        if (!v.hasVideo()) throw new NotFoundException("Video " + videoId + " (keypoints imported without a video: nothing to play)");
        BrowserCopy c = copy(v);
        if (!ready(v)) throw new NotPlayableYet(c);
        Path original = videos.openForViewing(videoId);
        if (c.state() == PlaybackState.AS_UPLOADED) {
            return new Playable(original, v.container() != null && v.container().contains("webm") ? "video/webm" : "video/mp4");
        }
        return new Playable(storage.playable(v.storageName()), "video/mp4");
    }

    public record Playable(Path file, String mediaType) {}

    /** The video has no browser-playable file yet (being prepared) or will not have one (its conversion failed). */
    public static final class NotPlayableYet extends RuntimeException {
        private final transient BrowserCopy copy;

        NotPlayableYet(BrowserCopy copy) {
            super(copy.describe());
            this.copy = copy;
        }

        public BrowserCopy copy() { return copy; }
    }
}
