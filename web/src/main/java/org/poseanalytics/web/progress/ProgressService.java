package org.poseanalytics.web.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.analysis.MetricNames;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.ui.FigureText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A subject's metrics across sessions, from the latest analysis of each video, grouped like with like: per exercise,
 * metric (its key says side and 2D/3D) and camera view. The exercise's headline figures come first.
 */
@Service
public class ProgressService {
    private final AnalysisQueries queries;
    private final SubjectService subjects;

    ProgressService(AnalysisQueries queries, SubjectService subjects) {
        this.queries = queries;
        this.subjects = subjects;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<MetricTrend> trends(long subjectId) {
        subjects.get(subjectId);
        Map<String, List<MetricHistoryPoint>> groups = new LinkedHashMap<>();
        for (MetricHistoryPoint p : queries.metricHistory(subjectId)) {
            // Never measured at all (NaN without a reason) says nothing; an invalid value stays, to be shown as a gap.
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
                    + (first.multiCamera() ? " · multi-camera (triangulated)"
                    : first.view() == null ? "" : " · " + FigureText.viewName(first.view()) + " view");
            out.add(new MetricTrend(Objects.toString(first.exercise(), "other"), first.key(), label, first.unit(), first.view(),
                    last.headlineRank(), visits));
        }
        // Headline figures first, by rank; then the sets' mean concentric velocity (bar velocity, how coaches set loads);
        // then the rest as they came (by metric name).
        out.sort(Comparator.comparing((MetricTrend t) -> t.headlineRank() == null ? Integer.MAX_VALUE : t.headlineRank())
                .thenComparing(t -> !t.setVelocity()));
        return out;
    }

    static String label(MetricHistoryPoint p) { return MetricNames.label(p.name(), p.side()); }
}
