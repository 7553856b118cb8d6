package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.poseanalytics.web.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Browser copies, made once per video in the background: queued when the upload is stored (and, for videos uploaded
 * before, when first asked for or at start), {@code pose.playback.conversions} at a time, each by the {@link Decoder}
 * (a separate process, limited in memory and time). Never by a request: a page or the playback URL reads the
 * {@link BrowserCopy} state and says "being prepared" until it is ready. Erasing the video stops its conversion
 * ({@link Storage#writing}); a copy that still lands after the row is gone is deleted at once.
 */
@Component
class BrowserCopies implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(BrowserCopies.class);
    /** A conversion touches its row at least this often; one untouched for longer was left by a stopped server. */
    static final String STALE = "5 minutes";

    private final JdbcClient jdbc;
    private final Storage storage;
    private final Decoder decoder;
    private final ExecutorService executor;
    /** Videos queued or converting on this node: a second request for the same video is not queued twice. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BrowserCopies(JdbcClient jdbc, Storage storage, Decoder decoder, @Value("${pose.playback.conversions:1}") int conversions) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.decoder = decoder;
        this.executor = Executors.newFixedThreadPool(Math.max(1, conversions), Thread.ofPlatform().name("browser-copy-", 0).daemon().factory());
    }

    @TransactionalEventListener
    void uploaded(VideoUploaded upload) { queue(upload.videoId()); }

    /** Copies left waiting or cut short by a stop, and videos uploaded before copies were made in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        List<Long> ids = jdbc.sql("select id from video where media = 'video' and (playback is null or playback = 'pending'"
                        + " or (playback = 'converting' and playback_updated_at < now() - interval '" + STALE + "')) order by id")
                .query(Long.class).list();
        if (!ids.isEmpty()) log.info("{} videos wait for their browser copy", ids.size());
        ids.forEach(this::queue);
    }

    /** Queues the video's copy unless it is queued here already; the claim in the database keeps it to one node. */
    void queue(long videoId) {
        if (stopping || !queued.add(videoId)) return;
        executor.execute(() -> {
            try {
                make(videoId);
            } catch (RuntimeException e) {
                log.error("Browser copy of video {} failed unexpectedly", videoId, e);
            } finally {
                queued.remove(videoId);
            }
        });
    }

    private record Claimed(UUID storageName, int rotationDeg, double durationS, String reason, boolean known) {}

    void make(long videoId) {
        Optional<Claimed> claim = jdbc.sql("""
                        update video v set playback = 'converting', playback_fraction = 0, playback_message = null,
                               playback_updated_at = now()
                        from (select id, playback as before from video where id = :id for update) old
                        where v.id = old.id and v.media = 'video' and (v.playback is null or v.playback = 'pending'
                              or (v.playback = 'converting' and v.playback_updated_at < now() - interval '""" + STALE + """
                        '))
                        returning v.storage_name, v.rotation_deg, v.duration_s, v.playback_reason, old.before is not null as known""")
                .param("id", videoId)
                .query((rs, n) -> new Claimed(rs.getObject("storage_name", UUID.class), rs.getInt("rotation_deg"),
                        rs.getDouble("duration_s"), rs.getString("playback_reason"), rs.getBoolean("known")))
                .optional();
        if (claim.isEmpty()) return;
        Claimed c = claim.get();
        Path original = storage.video(c.storageName());
        AtomicBoolean stop = new AtomicBoolean();
        try (Storage.Writing w = storage.writing(c.storageName(), () -> stop.set(true))) {
            String reason = c.reason();
            if (!c.known()) {
                // Uploaded before the format was kept with the video: read it now (in the decoder process too).
                reason = BrowserProxy.conversionReason(decoder.format(original)).orElse(null);
                if (reason == null) {
                    settle(videoId, PlaybackState.AS_UPLOADED, null, null);
                    return;
                }
                jdbc.sql("update video set playback_reason = :r where id = :id").param("r", reason).param("id", videoId).update();
            }
            Path target = storage.playable(c.storageName());
            long[] lastWrite = {0};
            decoder.browserCopy(original, c.rotationDeg(), c.durationS(), target, f -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] < 2_000_000_000L) return;
                lastWrite[0] = now;
                jdbc.sql("update video set playback_fraction = :f, playback_updated_at = now() where id = :id and playback = 'converting'")
                        .param("f", f).param("id", videoId).update();
            }, () -> stop.get() || stopping);
            Storage.ownerOnly(target);
            Storage.deleteQuietly(storage.playableWithWrongColours(c.storageName()));
            if (!settle(videoId, PlaybackState.READY, null, reason)) {
                // Erased while converting: the copy must not outlive its video.
                storage.delete(c.storageName());
            }
            log.info("Browser copy of video {} made", videoId);
        } catch (DecodeFailure e) {
            if (e.kind() == DecodeFailure.Kind.CANCELLED) {
                // Erased (the row is gone, nothing to update) or the server is stopping (it waits for the next start).
                settle(videoId, PlaybackState.PENDING, null, null);
                log.info("Browser copy of video {} stopped", videoId);
            } else {
                settle(videoId, PlaybackState.FAILED, e.getMessage(), null);
                log.warn("Browser copy of video {} failed ({}): {}", videoId, e.kind(), e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            settle(videoId, PlaybackState.FAILED, "the copy could not be stored", null);
            log.error("Browser copy of video {} could not be stored", videoId, e);
        } finally {
            if (!exists(videoId)) storage.delete(c.storageName());
        }
    }

    /** Sets the final state; false when the video's row is gone. */
    private boolean settle(long videoId, PlaybackState state, String message, String reason) {
        return jdbc.sql("""
                        update video set playback = :state, playback_message = :m, playback_fraction = :f,
                               playback_reason = coalesce(:r, playback_reason), playback_updated_at = now()
                        where id = :id""")
                .param("state", state.dbName()).param("m", message).param("f", state == PlaybackState.READY ? 1.0 : 0.0)
                .param("r", reason).param("id", videoId).update() > 0;
    }

    private boolean exists(long videoId) {
        return jdbc.sql("select exists (select 1 from video where id = :id)").param("id", videoId).query(Boolean.class).single();
    }

    /** Whether this node has the video's copy queued or converting. */
    boolean queuedHere(long videoId) { return queued.contains(videoId); }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }
}
