package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poseanalytics.kinematics.metric.MetricRecord;

/**
 * One tracked point's velocity figures (the kinematics module's PointVelocity, stored among the analysis's figures)
 * gathered for a table: per repetition its displacement, mean and peak concentric and mean eccentric velocity; for the
 * set its mean concentric velocity and velocity loss. The page, the PDF and the progress page read them through this.
 */
public record BarVelocity(int point, List<Row> repetitions, List<MetricRecord> session) {
    private static final Pattern POINT = Pattern.compile("point_(\\d+)_(\\w+)");

    /** One repetition's figures of one point; a figure the analysis did not give is null. */
    public record Row(int repetition, MetricRecord displacement, MetricRecord meanConcentric, MetricRecord peakConcentric,
                      MetricRecord meanEccentric) {
        /** The four share one rating (the repetition's samples and the scale): the mean concentric velocity's. */
        public MetricRecord rated() { return meanConcentric != null ? meanConcentric : displacement; }

        Row with(String figure, MetricRecord m) {
            return switch (figure) {
                case "displacement" -> new Row(repetition, m, meanConcentric, peakConcentric, meanEccentric);
                case "mean_concentric_velocity" -> new Row(repetition, displacement, m, peakConcentric, meanEccentric);
                case "peak_concentric_velocity" -> new Row(repetition, displacement, meanConcentric, m, meanEccentric);
                case "mean_eccentric_velocity" -> new Row(repetition, displacement, meanConcentric, peakConcentric, m);
                default -> this;
            };
        }
    }

    /** The points' figures among an analysis's, by point number; empty when no point was tracked. */
    public static List<BarVelocity> of(List<MetricRecord> metrics) {
        Map<Integer, Map<Integer, Row>> reps = new TreeMap<>();
        Map<Integer, List<MetricRecord>> session = new TreeMap<>();
        for (MetricRecord m : metrics) {
            Matcher p = POINT.matcher(m.name());
            if (!p.matches()) continue;
            int point = Integer.parseInt(p.group(1));
            if (m.repetition() == null) {
                session.computeIfAbsent(point, k -> new ArrayList<>()).add(m);
            } else {
                Map<Integer, Row> rows = reps.computeIfAbsent(point, k -> new TreeMap<>());
                rows.put(m.repetition(), rows.getOrDefault(m.repetition(), new Row(m.repetition(), null, null, null, null)).with(p.group(2), m));
            }
        }
        List<BarVelocity> out = new ArrayList<>();
        java.util.SortedSet<Integer> points = new java.util.TreeSet<>(reps.keySet());
        points.addAll(session.keySet());
        for (int point : points) {
            out.add(new BarVelocity(point, List.copyOf(reps.getOrDefault(point, Map.of()).values()), List.copyOf(session.getOrDefault(point, List.of()))));
        }
        return out;
    }

    /** Whether a figure is a tracked point's. */
    public static boolean isPointFigure(String name) { return POINT.matcher(name).matches(); }
}
