package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.chart.Band;
import org.poseanalytics.web.chart.Curve;
import org.poseanalytics.web.ui.FigureText;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.video.Video;

/**
 * One video's latest complete analysis with its session: what the analysis page, the exports and the report
 * show, as the kinematics and tracking modules' records. Read once under the user's rights by {@link VideoAnalysisService}.
 *
 * @param subjectSeries the keypoints drawn over the video (the filtered series), null when the analysis found nobody
 * @param headlines    the exercise's lead figures as the analysis stored them (none for analyses stored before them)
 * @param involvedSide the subject's involved side, which symmetry is stated against
 */
public record VideoAnalysis(Session session, Video video, Analysis analysis, AngleTable angles, KeypointSeries subjectSeries,
                            List<Repetition> repetitions, List<MetricRecord> metrics, List<Headline> headlines,
                            InvolvedSide involvedSide) {

    /** At most this many figures lead the page and the report (the templates name at most 8 headlines). */
    public static final int MAX_LEAD = 8;

    public VideoAnalysis {
        headlines = headlines == null ? List.of() : List.copyOf(headlines);
        if (involvedSide == null) involvedSide = InvolvedSide.NONE;
    }

    public Skeleton skeleton() { return analysis.skeleton(); }

    /**
     * The angles shown first: the one repetitions were counted on, and the same joint on the other side. When that one
     * was measured in no frame (a sagittal angle filmed from the front is rated unmeasurable throughout), the first
     * measured angle of the lead figures (else of the table), and its other side: the chart a clinician meets first is
     * not an empty one while other angles hold measurements. The other side joins only when it was measured somewhere.
     */
    public List<String> defaultAngleColumns() {
        List<String> out = new ArrayList<>();
        Optional<AngleSeries> measured = signalColumn().filter(VideoAnalysis::measured)
                .or(() -> headlineAngles().filter(VideoAnalysis::measured).findFirst())
                .or(() -> angles.series().stream().filter(VideoAnalysis::measured).findFirst());
        if (measured.isPresent()) {
            AngleSeries s = measured.get();
            out.add(s.column());
            for (AngleSeries c : angles.series())
                if (c.angle() == s.angle() && c.dimension() == s.dimension() && c.side() != s.side()
                        && c.side() != Side.NONE && measured(c) && !out.contains(c.column())) out.add(c.column());
        } else {
            // nothing measured at all: the signal (or the first angle), whose chart then says so
            signalColumn().or(() -> angles.series().stream().findFirst()).ifPresent(c -> out.add(c.column()));
        }
        return out;
    }

    private static boolean measured(AngleSeries c) { return c.validCount() > 0; }

    /** The angles the lead figures are about, in their order (knee valgus for a squat filmed from the front). */
    private java.util.stream.Stream<AngleSeries> headlineAngles() {
        return headlines.stream().map(h -> h.metric().name()).flatMap(name -> angles.series().stream().filter(c ->
                name.startsWith(c.angle().id() + c.dimension().suffix() + "_")
                        // knee_flexion_3d_peak_mean is the 3D angle's, though it starts with the 2D one's name too
                        && (c.dimension() == Dimension.WORLD_3D || !name.startsWith(c.angle().id() + Dimension.WORLD_3D.suffix() + "_"))));
    }

    /**
     * The angle repetitions were counted on. The signal is a column name, or "mean of A and B" when both sides
     * were averaged; then A.
     */
    public Optional<AngleSeries> signalColumn() {
        for (String token : analysis.repetitionSignal().split(" ")) {
            Optional<AngleSeries> c = angles.find(token);
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    /** One angle's curve, its low-quality samples marked (an invalid sample has no value: a gap). */
    public Curve curve(String column) {
        AngleSeries c = angles.find(column).orElseThrow();
        BitSet low = new BitSet(c.length());
        for (int i = 0; i < c.length(); i++) if (c.quality(i) == Quality.LOW) low.set(i);
        return new Curve(label(c), angles.timesS(), c.valuesDeg(), low);
    }

    public List<Band> repetitionBands() {
        return repetitions.stream().map(r -> new Band("Rep " + r.index(), r.startS(), r.endS())).toList();
    }

    public List<MetricRecord> sessionMetrics() {
        return metrics.stream().filter(m -> m.repetition() == null).toList();
    }

    /**
     * The figures a clinician reads first: those of the joint repetitions were counted on (in its 2D or 3D
     * variant), the counts and the tempo; the rest stays available under "all figures" and in the CSV.
     */
    public List<MetricRecord> keyMetrics() {
        Optional<AngleSeries> signal = signalColumn();
        String joint = signal.map(c -> c.angle().id()).orElse("");
        boolean threeD = signal.map(c -> c.dimension() == Dimension.WORLD_3D).orElse(false);
        return sessionMetrics().stream().filter(m -> {
            String n = m.name();
            if (n.contains("repetition_count") || n.endsWith("duration_mean")) return true;
            if (joint.isEmpty() || !n.startsWith(joint + "_")) return false;
            if (n.startsWith(joint + "_3d_") != threeD) return false;
            return n.endsWith("rom_mean") || n.endsWith("peak_mean") || n.endsWith("symmetry_index");
        }).toList();
    }

    /**
     * The figures that lead the page, the PDF and the progress page: the exercise's headlines; for an analysis stored
     * before headlines existed, its key figures (else its first session figures), labelled as figures.
     */
    public List<Headline> leadFigures() {
        if (!headlines.isEmpty()) return headlines.stream().limit(MAX_LEAD).toList();
        List<MetricRecord> key = keyMetrics().isEmpty() ? sessionMetrics() : keyMetrics();
        List<Headline> out = new ArrayList<>();
        for (MetricRecord m : key.stream().limit(MAX_LEAD).toList())
            out.add(new Headline(out.size() + 1, metricLabel(m), MetricNames.definition(m.name(), involvedSide), m));
        return out;
    }

    /** The exercise template the analysis used (else the session's), for its filming guidance; null when unknown. */
    public Exercise template() {
        try {
            Exercise used = Exercise.parse(analysis.exercise());
            if (used != null) return used;
        } catch (IllegalArgumentException unknown) {
            // an id of an older template: the session's says what was filmed
        }
        return session.exercise();
    }

    /**
     * Per repetition index, the worst-rated of its ROM and peak figures of the angle it was counted on (both sides): the
     * quality of the repetition's own ROM and peak, which are that angle's (a frontal squat's 3D knee is low where the
     * thighs point at the camera, though the repetition's timing is not). Made in one pass over the figures, for a
     * table of every repetition (an hour is 831 repetitions among 64,094 figures). Empty when the signal is no angle.
     */
    public Map<Integer, MetricRecord> repetitionAngleFigures() {
        Optional<AngleSeries> signal = signalColumn();
        if (signal.isEmpty()) return Map.of();
        String base = signal.get().angle().id() + signal.get().dimension().suffix();
        Map<Integer, MetricRecord> worst = new HashMap<>();
        for (MetricRecord m : metrics)
            if (m.repetition() != null && m.quality() != null && (m.name().equals(base + "_rom") || m.name().equals(base + "_peak")))
                worst.merge(m.repetition(), m, (a, b) -> b.quality().ordinal() > a.quality().ordinal() ? b : a);
        return worst;
    }

    /**
     * A repetition's ROM or peak as a table shows it, given its rating from {@link #repetitionAngleFigures} (null: none):
     * "79.4°", "79.4° (low quality)", or "—" when invalid; {@code unit} "deg" writes the degree sign, "" leaves it to a
     * column header that names it.
     */
    public static String repetitionAngle(MetricRecord rated, double deg, String unit) {
        Quality q = rated == null ? Quality.VALID : rated.quality();
        if (q == Quality.INVALID || !Double.isFinite(deg)) return "—";
        return FigureText.number(deg, unit) + (q == Quality.LOW ? " (low quality)" : "");
    }

    /** A per-repetition metric whose name contains {@code fragment} (e.g. "symmetry"), if the analysis made one. */
    public Optional<MetricRecord> repetitionMetric(int repetition, String fragment) {
        return metrics.stream().filter(m -> m.repetition() != null && m.repetition() == repetition && m.name().contains(fragment)).findFirst();
    }

    /** "Left knee flexion (3D)" for left_knee_flexion_3d_deg. */
    public static String label(AngleSeries c) {
        String side = c.side() == Side.NONE ? "" : capital(c.side().id()) + " ";
        String joint = c.angle().id().replace('_', ' ');
        return (side.isEmpty() ? capital(joint) : side + joint) + " (" + dimensionCode(c.dimension()) + ")";
    }

    /** "2D" or "3D", as every chart and table says where an angle was measured. */
    public static String dimensionCode(Dimension d) { return d == Dimension.WORLD_3D ? "3D" : "2D"; }

    /** "2D (image plane)" or "3D (world landmarks)". */
    public static String dimensionLabel(Dimension d) {
        return d == Dimension.WORLD_3D ? "3D (world landmarks)" : "2D (image plane)";
    }

    public static String metricLabel(MetricRecord m) { return MetricNames.label(m.name(), m.side()); }

    static String capital(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
