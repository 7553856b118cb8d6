package org.poseanalytics.web.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import java.time.Duration;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.FiguresStamp;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.analysis.MetricNames;
import org.poseanalytics.web.analysis.TrendHeading;
import org.poseanalytics.web.cache.ReadOnce;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.web.ui.FigureText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A subject's metrics across sessions, from the latest analysis of each video, grouped like with like: per exercise,
 * metric (its key says side and 2D/3D) and camera view. The exercise's headline figures come first.
 *
 * <p>Trends are kept in memory, filed under the subject's {@link FiguresStamp} (its clinic, and the last transaction that
 * changed its figures): fifty viewers of one subject of 1,000 sessions read its trends once, not fifty times (issue #17,
 * item 4), and any change to its figures (an analysis stored, a point tracked or removed, a session moved or deleted)
 * makes a new stamp, under which nothing is filed yet. Each read still reads the stamp, in the reader's clinic.
 */
@Service
public class ProgressService {
    /**
     * How many visits the cache holds, over all its trends (a visit is a few hundred bytes: ~30 MB). A subject of 1,000
     * sessions has ~1,000 visits per trend; every trend of it at once (the API without a filter: 107,000 for a squat) is
     * larger than this and is never kept.
     */
    static final long MAX_VISITS = 100_000;

    private final AnalysisQueries queries;
    /** The list of a subject's trends, by stamp. */
    private final AsyncCache<FiguresStamp, List<TrendChoice>> choices = cache((k, v) -> v.size());
    /** One trend with its visits (the progress page's), by stamp and trend. */
    private final AsyncCache<Read<TrendHeading>, MetricTrend> trend = cache((k, v) -> v.visits().size());
    /** The trends of an exercise and figures (the API's), by stamp and filter. */
    private final AsyncCache<Read<Filter>, List<MetricTrend>> filtered = cache((k, v) -> v.stream().mapToInt(t -> t.visits().size()).sum());

    /** A read of a subject's figures under their stamp: what it is filed under. */
    private record Read<T>(FiguresStamp stamp, T what) {}

    /** The API's filter: an exercise (null = all) and figure keys (empty = all). */
    private record Filter(String exercise, List<String> keys) {}

    ProgressService(AnalysisQueries queries) {
        this.queries = queries;
    }

    private static <K, V> AsyncCache<K, V> cache(Weigher<K, V> weigher) {
        // entries under an old stamp are never asked for again: they leave as the weight needs room, or after a while
        return Caffeine.newBuilder().maximumWeight(MAX_VISITS).weigher(weigher)
                .expireAfterAccess(Duration.ofMinutes(10)).buildAsync();
    }

    /** Every trend of the subject with all its visits (the shared progress page, the API, FHIR). */
    @PreAuthorize("hasRole('VIEWER')")
    public List<MetricTrend> trends(long subjectId) {
        return trends(subjectId, null, List.of());
    }

    /**
     * The trends of one exercise ("other" for analyses without one; null = all) and, if keys are given, of those figures
     * only (none = every figure): filtered in the query, so that a client asking for one figure reads its rows only. Each is the same trend
     * as in {@link #trends}, with the same visits and changes.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public List<MetricTrend> trends(long subjectId, String exercise, List<String> metricKeys) {
        return ReadOnce.get(filtered, new Read<>(queries.figuresStamp(subjectId), new Filter(exercise, List.copyOf(metricKeys))),
                () -> group(queries.metricHistory(subjectId, exercise, metricKeys)));
    }

    /**
     * The subject's trends without their visits, in the order of {@link #trends}: the progress page lists them and reads
     * the visits of the one shown ({@link #trend}), not every figure of every session (issue #17, item 4).
     */
    @PreAuthorize("hasRole('VIEWER')")
    public List<TrendChoice> choices(long subjectId) {
        return ReadOnce.get(choices, queries.figuresStamp(subjectId), () -> {
            List<TrendChoice> out = new ArrayList<>();
            for (TrendHeading h : queries.trendHeadings(subjectId)) {
                String label = (h.headlineLabel() != null ? h.headlineLabel() : MetricNames.label(h.name(), h.side()))
                        + viewSuffix(h.multiCamera(), h.view());
                out.add(new TrendChoice(h, label));
            }
            out.sort(Comparator.comparing((TrendChoice t) -> t.headlineRank() == null ? Integer.MAX_VALUE : t.headlineRank())
                    .thenComparing(t -> !t.setVelocity()));
            return List.copyOf(out);
        });
    }

    /** One trend of {@link #choices} with its visits: equal to the same trend of {@link #trends}. */
    @PreAuthorize("hasRole('VIEWER')")
    public MetricTrend trend(long subjectId, TrendChoice choice) {
        return ReadOnce.get(trend, new Read<>(queries.figuresStamp(subjectId), choice.heading()), () -> {
            List<MetricTrend> one = group(queries.trendVisits(subjectId, choice.heading()));
            if (one.size() != 1) throw new IllegalStateException("trend " + choice.key() + " read as " + one.size() + " trends");
            return one.getFirst();
        });
    }

    /** Points of a subject's history, oldest first, grouped into trends; headline figures first. */
    private static List<MetricTrend> group(List<MetricHistoryPoint> history) {
        Map<String, List<MetricHistoryPoint>> groups = new LinkedHashMap<>();
        for (MetricHistoryPoint p : history) {
            // Never measured at all (NaN without a reason) says nothing; an invalid value stays, to be shown as a gap.
            // (AnalysisQueries.TREND_LIST says the same in SQL.)
            if (!Double.isFinite(p.value()) && p.reason().isBlank()) continue;
            // One camera's figures and triangulated ones are kept apart: a change between them would be the method's. The
            // unit too: a bar velocity in m/s (scaled analysis) is not comparable with one in px/s (no scale).
            String view = p.multiCamera() ? "multi-camera" : String.valueOf(p.view());
            groups.computeIfAbsent(Objects.toString(p.exercise(), "other") + "|" + p.key() + "|" + view + "|" + p.unit(),
                    k -> new ArrayList<>()).add(p);
        }
        List<MetricTrend> out = new ArrayList<>();
        for (List<MetricHistoryPoint> points : groups.values()) {
            MetricHistoryPoint first = points.getFirst(), last = points.getLast();
            List<MetricTrend.Visit> visits = new ArrayList<>();
            Double firstKept = null, previous = null;
            for (MetricHistoryPoint p : points) {
                var figure = p.metric();
                if (!figure.shownAsNumber()) {
                    visits.add(new MetricTrend.Visit(p.sessionDate(), p.sessionId(), p.videoId(), figure, null, null));
                    continue;
                }
                visits.add(new MetricTrend.Visit(p.sessionDate(), p.sessionId(), p.videoId(), figure,
                        firstKept == null ? null : p.value() - firstKept, previous == null ? null : p.value() - previous));
                if (firstKept == null) firstKept = p.value();
                previous = p.value();
            }
            String label = (last.headlineLabel() != null ? last.headlineLabel() : label(first))
                    + viewSuffix(first.multiCamera(), first.view());
            out.add(new MetricTrend(Objects.toString(first.exercise(), "other"), first.key(), label, first.unit(), first.view(),
                    last.headlineRank(), List.copyOf(visits)));
        }
        // Headline figures first, by rank; then the sets' mean concentric velocity (bar velocity, how coaches set loads);
        // then the rest as they came (by metric name).
        out.sort(Comparator.comparing((MetricTrend t) -> t.headlineRank() == null ? Integer.MAX_VALUE : t.headlineRank())
                .thenComparing(t -> !t.setVelocity()));
        return List.copyOf(out); // shared by every reader of the cache
    }

    private static String viewSuffix(boolean multiCamera, CameraView view) {
        return multiCamera ? " · multi-camera (triangulated)" : view == null ? "" : " · " + FigureText.viewName(view) + " view";
    }

    static String label(MetricHistoryPoint p) { return MetricNames.label(p.name(), p.side()); }
}
