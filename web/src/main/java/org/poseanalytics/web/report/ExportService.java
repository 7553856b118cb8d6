package org.poseanalytics.web.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.export.AnglesCsv;
import org.poseanalytics.kinematics.export.MotWriter;
import org.poseanalytics.kinematics.export.TrcWriter;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.tracking.point.PointsCsv;
import org.poseanalytics.web.analysis.BarVelocity;
import org.poseanalytics.web.ui.ScaleText;
import org.poseanalytics.web.analysis.KeypointCorrections;
import org.poseanalytics.web.analysis.TimelineNotes;
import org.poseanalytics.web.analysis.FrameDrawing;
import org.poseanalytics.web.analysis.FrameDrawings;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.MetricHistoryPoint;
import org.poseanalytics.web.analysis.TrackedPath;
import org.poseanalytics.web.analysis.TrackedPoints;
import org.poseanalytics.web.analysis.MetricNames;
import org.poseanalytics.web.analysis.VideoAnalysis;
import org.poseanalytics.web.analysis.VideoAnalysisService;
import org.poseanalytics.web.Csv;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.video.DecodeFailure;
import org.poseanalytics.web.video.Decoder;
import org.poseanalytics.web.ui.FigureText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Downloads of a video's analysis: angles and metrics as CSV, the PDF session report. Each export is read under
 * the user's rights (clinic-scoped) and recorded in the audit log as 'exported'.
 */
@Service
public class ExportService {
    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final VideoAnalysisService analyses;
    private final AnalysisQueries queries;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Storage storage;
    private final TrackedPoints trackedPoints;
    private final KeypointCorrections corrections;
    private final TimelineNotes notes;
    private final FrameDrawings drawings;

    private final VideoLimits limits;
    private final Decoder decoder;

    ExportService(VideoAnalysisService analyses, AnalysisQueries queries, AuditService audit, CurrentUser currentUser, Storage storage,
                  TrackedPoints trackedPoints, VideoLimits limits, KeypointCorrections corrections,
                  TimelineNotes notes, FrameDrawings drawings, Decoder decoder) {
        this.decoder = decoder;
        this.notes = notes;
        this.drawings = drawings;
        this.corrections = corrections;
        this.limits = limits;
        this.trackedPoints = trackedPoints;
        this.analyses = analyses;
        this.queries = queries;
        this.audit = audit;
        this.currentUser = currentUser;
        this.storage = storage;
    }

    /** angles.csv exactly as the command line writes it (the kinematics module's AnglesCsv). */
    @PreAuthorize("hasRole('VIEWER')")
    public void anglesCsv(long videoId, OutputStream out) throws IOException {
        VideoAnalysis a = load(videoId);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        AnglesCsv.write(a.angles(), w);
        w.flush();
        audited(a, "angles CSV");
    }

    /** OpenSim storage of the angles: 3D when the model gave world landmarks, else 2D (OpenSim expects one set). */
    @PreAuthorize("hasRole('VIEWER')")
    public void openSimMot(long videoId, OutputStream out) throws IOException {
        VideoAnalysis a = load(videoId);
        AngleTable table = a.angles();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        MotWriter.write(table, table.has3d() ? Dimension.WORLD_3D : Dimension.IMAGE_2D, "angles_" + a.video().id(), w);
        w.flush();
        audited(a, "OpenSim .mot");
    }

    /**
     * OpenSim markers, as the command line's keypoints.trc: with the analysis's scale, the image positions in metres from
     * it (real translation in the image plane); without one, world landmarks in mm when the model has them, else image
     * pixels scaled from an assumed standing height of {@link AnalysisOutputs#DEFAULT_SUBJECT_HEIGHT_M} (said on the page).
     */
    @PreAuthorize("hasRole('VIEWER')")
    public void openSimTrc(long videoId, OutputStream out) throws IOException {
        VideoAnalysis a = load(videoId);
        if (a.subjectSeries() == null) throw new NotFoundException("No keypoints of a subject in video " + videoId);
        KeypointSeries s = a.subjectSeries();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String name = "markers_" + a.video().id() + ".trc";
        if (a.analysis().scale().known()) TrcWriter.write(s, TrcWriter.Units.IMAGE_M, a.analysis().scale().metresPerPx(), a.video().height(), name, w);
        else if (s.hasWorld()) TrcWriter.write(s, TrcWriter.Units.WORLD_MM, 0, a.video().height(), name, w);
        else TrcWriter.write(s, TrcWriter.Units.IMAGE_M, TrcWriter.metresPerPixel(s, AnalysisOutputs.DEFAULT_SUBJECT_HEIGHT_M), a.video().height(), name, w);
        w.flush();
        audited(a, "OpenSim .trc");
    }

    /**
     * The points tracked on the analysis page, in the command line's points.csv form (the tracking module's
     * PointsCsv): {@code point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s},
     * point_id as numbered on the page, the metre columns from the analysis's scale (empty without one).
     */
    @PreAuthorize("hasRole('VIEWER')")
    public void pointsCsv(long videoId, OutputStream out) {
        VideoAnalysis a = load(videoId);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // With the analysis's scale the metre columns are filled (x_m, y_m, velocities in m/s); without, left empty.
        PointsCsv.write(w, trackedPoints.list(a.analysis().id()).stream().map(TrackedPath::trajectory).toList(),
                a.analysis().scale().metresPerPx());
        try {
            w.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the tracked points", e);
        }
        audited(a, "tracked points CSV");
    }

    /**
     * One row per figure: session-wide (repetition empty) and per repetition, with unit, side, quality and reason. An
     * invalid figure's value is left empty, as angles.csv leaves invalid samples empty: it is not a measurement. Figures
     * stored before quality checks have an empty quality and say so in the reason.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public void metricsCsv(long videoId, OutputStream out) {
        VideoAnalysis a = load(videoId);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.print("repetition,metric,side,value,unit,quality,reason\n");
        for (MetricRecord m : a.metrics()) {
            w.print((m.repetition() == null ? "" : m.repetition()) + "," + m.name() + "," + m.side().id() + ","
                    + (m.shownAsNumber() ? num(m.value(), 3) : "") + "," + m.unit() + ","
                    + (m.quality() == null ? "" : m.quality().id()) + "," + csv(m.note()) + "\n");
        }
        w.print("\nrepetition,start_s,peak_s,end_s,rom_deg,peak_deg,eccentric_s,hold_s,concentric_s,complete\n");
        for (Repetition r : a.repetitions()) {
            w.print(r.index() + "," + num(r.startS(), 3) + "," + num(r.peakS(), 3) + "," + num(r.endS(), 3) + ","
                    + num(r.romDeg(), 1) + "," + num(r.peakDeg(), 1) + "," + num(r.eccentricS(), 2) + ","
                    + num(r.holdS(), 2) + "," + num(r.concentricS(), 2) + "," + r.complete() + "\n");
        }
        // A corrected analysis says so, and which keypoints a clinician moved (their numbers come from those).
        KeypointCorrections.State corrected = corrections.state(a.analysis().id());
        if (corrected.corrected()) {
            w.print("\nkeypoint_correction,frame,landmark,x_px,y_px,not_visible,window_frames\n");
            int n = 1;
            for (KeypointCorrections.Stored s : corrected.corrections()) {
                var c = s.correction();
                w.print(n++ + "," + c.frame() + "," + a.analysis().landmarks().get(c.landmark()) + "," + (c.notVisible() ? "" : num(c.x(), 1))
                        + "," + (c.notVisible() ? "" : num(c.y(), 1)) + "," + c.notVisible() + "," + c.windowFrames() + "\n");
            }
        }
        w.flush();
        audited(a, "metrics CSV");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String csv(String s) { return Csv.field(s); }

    @PreAuthorize("hasRole('VIEWER')")
    public void pdfReport(long videoId, List<String> angleColumns, OutputStream out) throws IOException {
        VideoAnalysis a = load(videoId);
        List<String> known = a.angles().series().stream().map(c -> c.column()).toList();
        for (String c : angleColumns) {
            // the columns come from the page's link, i.e. from anyone: say which are possible rather than fail inside
            if (!known.contains(c)) throw new UserInputException("This analysis has no angle '" + c + "'; it has " + String.join(", ", known) + ".");
        }
        PdfReportWriter.write(report(a, angleColumns.isEmpty() ? a.defaultAngleColumns() : angleColumns), out);
        audited(a, "PDF report");
    }

    /**
     * What the PDF prints, for a page that shows the report (the patient's shared page), with the exercise's default angle
     * columns. Not audited here: the page records its own view.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public SessionReport sessionReport(long videoId) {
        VideoAnalysis a = load(videoId);
        return report(a, a.defaultAngleColumns());
    }

    SessionReport report(VideoAnalysis a, List<String> columns) {
        List<String> header = List.of("Rep", "Start (s)", "End (s)", "ROM (°)", "Peak (°)", "Down (s)", "Hold (s)", "Up (s)", "Symmetry");
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, MetricRecord> rated = a.repetitionAngleFigures();
        for (Repetition r : a.repetitions()) {
            String sym = a.repetitionMetric(r.index(), "symmetry").map(FigureText::value).orElse("—");
            MetricRecord angle = rated.get(r.index());
            rows.add(List.of(String.valueOf(r.index()), num(r.startS(), 2), num(r.endS(), 2), VideoAnalysis.repetitionAngle(angle, r.romDeg(), ""),
                    VideoAnalysis.repetitionAngle(angle, r.peakDeg(), ""), num(r.eccentricS(), 2), num(r.holdS(), 2), num(r.concentricS(), 2), sym));
        }
        // The previous session of the same subject and exercise, by date: its headline figures beside these.
        List<MetricHistoryPoint> history = queries.metricHistory(a.session().subjectId());
        var previous = history.stream()
                .filter(p -> p.sessionDate().isBefore(a.session().date()) && java.util.Objects.equals(p.exercise(), a.analysis().exercise()))
                .max(Comparator.comparing(MetricHistoryPoint::sessionDate));
        Map<String, MetricHistoryPoint> prevValues = previous.map(p -> history.stream()
                        .filter(h -> h.sessionId() == p.sessionId())
                        .collect(Collectors.toMap(MetricHistoryPoint::key, h -> h, (x, y) -> x)))
                .orElse(Map.of());
        CameraView view = a.analysis().view() == null ? null : a.analysis().view().dominant();
        List<SessionReport.Figure> headlines = a.leadFigures().stream().map(h -> {
            MetricRecord m = h.metric();
            MetricHistoryPoint before = prevValues.get(m.key());
            // Like with like: both shown as numbers, and filmed from the same view when both views are known.
            boolean comparable = before != null && before.metric().shownAsNumber() && m.shownAsNumber()
                    && (before.view() == null || view == null || before.view() == view);
            String note = join(m.quality() == Quality.VALID ? "" : m.note(), h.definition());
            return new SessionReport.Figure(h.label(), FigureText.value(m), FigureText.quality(m.quality()), note,
                    comparable ? FigureText.value(before.metric()) : "—", comparable ? change(m.value() - before.value()) : "—");
        }).toList();
        List<SessionReport.Figure> figures = a.sessionMetrics().stream().map(m -> new SessionReport.Figure(VideoAnalysis.metricLabel(m),
                FigureText.value(m), FigureText.quality(m.quality()),
                join(m.quality() == Quality.VALID ? "" : m.note(), MetricNames.definition(m.name(), a.involvedSide())), "—", "—")).toList();
        Exercise template = a.template();
        boolean filmingLimited = a.leadFigures().stream().anyMatch(h -> FigureText.blamesFilming(h.metric()));
        List<FrameDrawing> frameDrawings = drawings.of(a.video().id());
        KeyFrame keyFrame = keyFrame(a, frameDrawings);
        String dims = a.angles().series().stream().filter(c -> columns.contains(c.column())).map(c -> VideoAnalysis.dimensionLabel(c.dimension()))
                .distinct().collect(Collectors.joining(", "));
        return new SessionReport(currentUser.get().clinicName(), a.session().subjectName(), a.session().date(),
                a.session().exercise().label(), a.video().originalName(),
                "Angles: clinical neutral-zero, measured " + (dims.isEmpty() ? "—" : dims) + "; model " + a.analysis().model() + ".",
                FigureText.view(a.analysis().view()) + ".",
                keyFrame.image(), keyFrame.note(), columns.stream().map(a::curve).toList(), a.repetitionBands(), header, rows, headlines, figures,
                filmingLimited && template != null ? template.filming() : null,
                previous.map(MetricHistoryPoint::sessionDate).orElse(null), currentUser.get().displayName(),
                ScaleText.describe(a.analysis().scale()) + ".", velocityRows(a), corrections.state(a.analysis().id()).note(),
                notes.of(a.video().id()).stream().map(n -> List.of(n.when(), n.body(), n.createdBy() == null ? "—" : n.createdBy())).toList(),
                frameDrawings.stream().map(d -> List.of(d.when(), d.kind().label(), d.value(a.analysis().scale()), d.label())).toList());
    }

    /** Per point and repetition, then the set's mean concentric velocity and velocity loss as the point's last rows. */
    static List<List<String>> velocityRows(VideoAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (BarVelocity point : BarVelocity.of(a.metrics())) {
            String p = String.valueOf(point.point());
            for (BarVelocity.Row r : point.repetitions()) {
                MetricRecord rated = r.rated();
                rows.add(List.of(p, String.valueOf(r.repetition()), value(r.displacement()), value(r.meanConcentric()),
                        value(r.peakConcentric()), value(r.meanEccentric()), FigureText.quality(rated == null ? null : rated.quality()),
                        rated == null || rated.quality() == Quality.VALID ? "" : rated.note()));
            }
            for (MetricRecord m : point.session()) {
                rows.add(List.of(p, "set", m.name().endsWith("velocity_loss") ? "velocity loss " + FigureText.value(m) : "",
                        m.name().endsWith("mean_concentric_velocity") ? FigureText.value(m) : "", "", "",
                        FigureText.quality(m.quality()), m.quality() == Quality.VALID ? "" : m.note()));
            }
        }
        return rows;
    }

    private static String value(MetricRecord m) { return m == null ? "—" : FigureText.value(m); }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b == null ? "" : b;
        return b == null || b.isBlank() ? a : a + ". " + b;
    }

    private static String change(double d) {
        return (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(d));
    }

    /** The longest side of the key frame the decoder sends back: the PDF prints it 220 points wide, a screen page 480 px. */
    static final int KEY_FRAME_MAX_SIDE = 1280;

    /** The report's key frame with the skeleton on it, or why there is none (one of the two is null). */
    record KeyFrame(BufferedImage image, String note) {}

    /** How a report without a video begins its note in place of the key frame. */
    public static final String NO_VIDEO = "No video:";

    /**
     * The frame at the first repetition's peak (else mid-video), the skeleton drawn on it, and the clinician's drawings made
     * within a second of it (the others are listed with their time and value). The frame is decoded by the
     * {@link Decoder} (a separate, limited process unless {@code pose.decode.isolation=inline}), never in this JVM: a file
     * that exhausts or crashes the decoder costs the report its picture, with a note saying so, and nothing else.
     */
    KeyFrame keyFrame(VideoAnalysis a, List<FrameDrawing> frameDrawings) {
        // keypoints imported without a video: no frame to show, and the reader (PDF, patient's share page) is told why
        if (!a.video().hasVideo()) return new KeyFrame(null, NO_VIDEO + " these results come from keypoints imported from “"
                + a.video().originalName() + "” (" + a.analysis().model() + ").");
        double t = a.repetitions().isEmpty() ? a.video().durationS() / 2 : a.repetitions().getFirst().peakS();
        String at = String.format(Locale.ROOT, "%.2f s", t);
        java.nio.file.Path file = storage.video(a.video().storageName());
        if (!java.nio.file.Files.isRegularFile(file)) return new KeyFrame(null, "No key frame: the video file is no longer stored.");
        Decoder.Frame frame;
        try {
            var decoded = decoder.frameAt(file, t, KEY_FRAME_MAX_SIDE, limits);
            if (decoded.isEmpty()) return new KeyFrame(null, "No key frame: the video has no frame at " + at + ".");
            frame = decoded.get();
        } catch (DecodeFailure e) {
            log.warn("No key frame for the report of video {}: {} ({})", a.video().id(), e.kind(), e.getMessage());
            return new KeyFrame(null, "No key frame: the frame at " + at + " could not be decoded within the limits ("
                    + reason(e) + ").");
        }
        BufferedImage img = frame.image();
        // Keypoints and drawings are in the displayed frame's pixels; the picture may be smaller.
        double scale = img.getWidth() / (double) frame.sourceWidth();
        KeypointSeries kp = a.subjectSeries();
        if (kp != null && kp.length() > 0) {
            int found = java.util.Arrays.binarySearch(kp.timesS(), t);
            int s = Math.max(0, found >= 0 ? found : -found - 2);
            Skeleton sk = a.skeleton();
            int landmarks = sk.size();
            Graphics2D gr = img.createGraphics();
            gr.scale(scale, scale);
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setStroke(new BasicStroke(Math.max(3f, frame.sourceWidth() / 200f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            gr.setColor(new Color(0, 230, 118));
            for (int[] b : sk.bones()) {
                if (b[0] >= landmarks || b[1] >= landmarks || kp.isGap(b[0], s) || kp.isGap(b[1], s)) continue;
                if (kp.visibility().get(b[0], s) < 0.3f || kp.visibility().get(b[1], s) < 0.3f) continue;
                gr.drawLine((int) Math.round(kp.x().get(b[0], s)), (int) Math.round(kp.y().get(b[0], s)),
                        (int) Math.round(kp.x().get(b[1], s)), (int) Math.round(kp.y().get(b[1], s)));
            }
            gr.dispose();
        }
        drawOn(img, scale, frame.sourceWidth(), frameDrawings.stream().filter(d -> Math.abs(d.timeS() - t) <= 1.0).toList(), a);
        return new KeyFrame(img, null);
    }

    /** The decoder's reason in the report's words; an unreadable file's FFmpeg diagnostics stay in the log. */
    private static String reason(DecodeFailure e) {
        return switch (e.kind()) {
            case OVER_LIMIT, TIMED_OUT -> e.getMessage();
            case RESOURCES -> "decoding it needed more memory than a video is allowed, or made the decoder fail";
            case UNREADABLE -> "the video file could not be read";
            case CANCELLED -> "decoding was interrupted";
        };
    }

    /** Lines and angle arms in orange with their value beside them, as the player draws them. */
    private static void drawOn(BufferedImage img, double scale, int sourceWidth, List<FrameDrawing> near, VideoAnalysis a) {
        if (near.isEmpty()) return;
        Graphics2D gr = img.createGraphics();
        gr.scale(scale, scale);
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setStroke(new BasicStroke(Math.max(3f, sourceWidth / 220f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        gr.setFont(gr.getFont().deriveFont(java.awt.Font.BOLD, Math.max(14f, sourceWidth / 45f)));
        for (FrameDrawing d : near) {
            var p = d.points();
            gr.setColor(new Color(255, 146, 43));
            if (d.kind() != FrameDrawing.Kind.TEXT) {
                for (int i = 1; i < p.size(); i++) {
                    gr.drawLine((int) Math.round(p.get(i - 1).x()), (int) Math.round(p.get(i - 1).y()), (int) Math.round(p.get(i).x()), (int) Math.round(p.get(i).y()));
                }
            }
            String text = String.join(" · ", java.util.stream.Stream.of(d.value(a.analysis().scale()), d.label()).filter(s -> !s.isEmpty()).toList());
            var at = d.kind() == FrameDrawing.Kind.ANGLE ? p.get(1) : p.getFirst();
            if (!text.isEmpty()) gr.drawString(text, (float) at.x() + 10, (float) at.y() - 10);
        }
        gr.dispose();
    }

    private VideoAnalysis load(long videoId) {
        return analyses.latest(videoId).orElseThrow(() -> new NotFoundException("No finished analysis of video " + videoId));
    }

    private void audited(VideoAnalysis a, String what) {
        audit.record(AuditAction.EXPORTED, a.session().subjectId(), a.video().id(),
                what + " of video " + a.video().id() + " (session " + a.session().id() + " of " + a.session().date() + ")");
    }

    static String num(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "";
    }

}
