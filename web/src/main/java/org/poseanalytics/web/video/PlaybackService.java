package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;
import org.poseanalytics.web.storage.Storage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the browser plays for a video: the upload itself when browsers play it, else a H.264 proxy made once
 * and kept beside it. Access and the audit record go through {@link VideoService#openForViewing}.
 */
@Service
public class PlaybackService {
    private final VideoService videos;
    private final Storage storage;
    private final Map<UUID, Optional<String>> formats = new ConcurrentHashMap<>();
    /** One conversion per video at a time, however many tabs ask. */
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    PlaybackService(VideoService videos, Storage storage) {
        this.videos = videos;
        this.storage = storage;
    }

    /**
     * Why the video must be converted before browsers play it ("HEVC (H.265) video"), empty when it plays as uploaded.
     * Read from the file's headers once per video (a stored upload never changes).
     */
    public Optional<String> conversionReason(Video v) {
        return formats.computeIfAbsent(v.storageName(), name -> {
            try {
                return BrowserProxy.conversionReason(StreamFormat.probe(storage.video(name)));
            } catch (IOException e) {
                return Optional.of("a video whose format could not be read (" + e.getMessage() + ")");
            }
        });
    }

    public boolean needsProxy(Video v) { return conversionReason(v).isPresent(); }

    public boolean ready(Video v) { return !needsProxy(v) || Files.exists(proxyPath(v)); }

    /** The file to send for playing; audited as a view. Converts first if no proxy exists yet. */
    @PreAuthorize("hasRole('VIEWER')")
    public Playable open(long videoId) throws IOException {
        Video v = videos.get(videoId);
        Path original = videos.openForViewing(videoId);
        if (!needsProxy(v)) return new Playable(original, v.container() != null && v.container().contains("webm") ? "video/webm" : "video/mp4");
        prepare(v, original, p -> {});
        return new Playable(proxyPath(v), "video/mp4");
    }

    /**
     * Makes the proxy if it is missing. Takes the video already read under the user's rights, so it can run on
     * a worker thread (where there is no signed-in user) while the page shows progress.
     */
    public void prepare(Video v, DoubleConsumer progress) throws IOException {
        prepare(v, storage.video(v.storageName()), progress);
    }

    private void prepare(Video v, Path original, DoubleConsumer progress) throws IOException {
        if (!needsProxy(v)) return;
        synchronized (locks.computeIfAbsent(v.id(), k -> new Object())) {
            Path proxy = proxyPath(v);
            if (Files.exists(proxy)) return;
            BrowserProxy.make(original, v.rotationDeg(), v.durationS(), proxy, progress);
            Storage.deleteQuietly(storage.playableWithWrongColours(v.storageName()));
        }
    }

    Path proxyPath(Video v) { return storage.playable(v.storageName()); }

    public record Playable(Path file, String mediaType) {}
}
