package org.poseanalytics.web.analysis;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import java.time.Duration;
import java.util.List;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.cache.ReadOnce;
import org.springframework.stereotype.Component;

/**
 * What the analysis page reads and builds of a complete analysis that never changes once stored, kept in memory
 * (issue #17, item 4): its series ({@link StoredSeries}) and the overlay player's data built from them
 * ({@link PlayerData}, about 1.6 MB of JSON for a minute of video: up to five minutes whole, a longer analysis two
 * minutes at a time). Fifty viewers of one analysis read and build them once.
 *
 * <p>Filed under the reader's clinic and the analysis id. An id is never reused and its series are never rewritten: a
 * correction, a re-analysis or another person chosen stores a new analysis, under a new id, which the page then reads;
 * what changes after storing (figures, headlines, notes, drawings, corrections' list) is read for every view and not
 * kept here. The caller passes an analysis it read in the user's clinic ({@link AnalysisQueries}, which checks it each
 * view); a read here is clinic-scoped too, so nothing is filed under a clinic that could not read it.
 */
@Component
class AnalysisCache {
    /** At most this much of series (~10 one-minute analyses with two people), estimated ({@link StoredSeries#bytes}). */
    static final long SERIES_BYTES = 48L << 20;
    /** At most this much of the player's JSON; an analysis whose series or JSON alone is larger is never kept. */
    static final long PLAYER_BYTES = 16L << 20;

    private final AnalysisQueries queries;
    private final CurrentUser currentUser;
    private final AsyncCache<Key, StoredSeries> series = cache(SERIES_BYTES, (k, v) -> weight(v.bytes()));
    private final AsyncCache<PlayerKey, String> player = cache(PLAYER_BYTES, (k, v) -> weight(v.length() + 64L));

    /** An analysis as its clinic's users read it. */
    private record Key(long clinicId, long analysisId) {}

    /** Its player data for these angle labels, drawn on a video of this size, in one window (-1: all of it). */
    private record PlayerKey(Key analysis, int width, int height, List<String> columns, int window) {}

    AnalysisCache(AnalysisQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    private static <K, V> AsyncCache<K, V> cache(long maxBytes, Weigher<K, V> weigher) {
        // an analysis no longer shown is never asked for again: it leaves as the weight needs room, or after a while
        return Caffeine.newBuilder().maximumWeight(maxBytes).weigher(weigher).expireAfterAccess(Duration.ofMinutes(10)).buildAsync();
    }

    private static int weight(long bytes) { return (int) Math.min(Integer.MAX_VALUE, bytes); }

    /** The series of {@code a}, a complete analysis read in the user's clinic. */
    StoredSeries series(Analysis a) {
        long id = a.id();
        return ReadOnce.get(series, new Key(currentUser.clinicId(), id), () -> {
            // The filtered series is what the numbers were computed from; draw that one, the raw one if it is missing.
            var keypoints = queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.FILTERED)
                    .or(() -> queries.subjectKeypoints(id, SubjectSeriesCodec.Kind.RAW)).orElse(null);
            return new StoredSeries(queries.angles(id), keypoints, queries.repetitions(id), queries.tracks(id));
        });
    }

    /**
     * The overlay player's data of {@code a} (read by {@link VideoAnalysisService}) with labels of these angles, for the
     * player's time {@code atS} (all of a short analysis; the window around it of a long one).
     */
    String playerData(VideoAnalysis a, List<String> columns, double atS) {
        Analysis analysis = a.analysis();
        int window = PlayerData.windowAt(a, atS);
        PlayerKey key = new PlayerKey(new Key(currentUser.clinicId(), analysis.id()), a.video().width(), a.video().height(),
                List.copyOf(columns), window);
        return ReadOnce.get(player, key, () -> PlayerData.ofWindow(a, columns, series(analysis).others(analysis.subjectTrackId()), window));
    }
}
