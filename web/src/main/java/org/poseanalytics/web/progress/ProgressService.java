package org.poseanalytics.web.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysisview.MetricNames;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A subject's metrics across sessions, grouped per exercise and metric, from the latest analysis of each video. */
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
            if (!Double.isFinite(p.value())) continue;
            groups.computeIfAbsent(Objects.toString(p.exercise(), "other") + "|" + p.key(), k -> new ArrayList<>()).add(p);
        }
        List<MetricTrend> out = new ArrayList<>();
        for (List<MetricHistoryPoint> points : groups.values()) {
            MetricHistoryPoint first = points.getFirst();
            List<MetricTrend.Visit> visits = new ArrayList<>();
            Double previous = null;
            for (MetricHistoryPoint p : points) {
                visits.add(new MetricTrend.Visit(p.sessionDate(), p.sessionId(), p.videoId(), p.value(),
                        visits.isEmpty() ? null : p.value() - first.value(), previous == null ? null : p.value() - previous));
                previous = p.value();
            }
            out.add(new MetricTrend(Objects.toString(first.exercise(), "other"), first.key(), label(first), first.unit(), visits));
        }
        return out;
    }

    static String label(MetricHistoryPoint p) { return MetricNames.label(p.name(), p.side()); }

}
