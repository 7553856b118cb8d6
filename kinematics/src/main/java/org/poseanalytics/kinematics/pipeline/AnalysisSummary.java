package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.poseanalytics.kinematics.KinematicsSummary;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.tracking.FilteredSeries;

/**
 * summary.json as the command-line contract defines it (written with snake-case names); the web app stores
 * the same record with each analysis. {@code headlines} are the exercise's lead figures in rank order (label,
 * definition, metric key, value, unit, quality, reason), each also found under {@code metrics}.
 */
public record AnalysisSummary(Video video, String model, String modelDescription, Integer subjectTrackId, boolean subjectChosenByUser,
                              long framesWithPose, List<Integer> trackIds, View view, KinematicsSummary.ExerciseEntry exercise,
                              List<KinematicsSummary.HeadlineEntry> headlines,
                              List<KinematicsSummary.RepetitionEntry> repetitions, Map<String, Measure> metrics,
                              Filtering filtering, Timings timings, List<String> warnings, ScaleEntry scale,
                              List<PointEntry> points, Source source) {

    /**
     * Where the keypoints came from: {@code kind} "video" (our pose model on the video's frames) or "keypoints" (imported
     * from another tool's file: {@code format} openpose / mediapipe / trc, the file's {@code layout}, and a line naming the
     * file). An import's {@link VideoInfo} says so by its container, {@link #KEYPOINTS_CONTAINER}, and its codec
     * "format layout".
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, String format, String layout, String description) {
        public static final String KEYPOINTS_CONTAINER = "keypoints";

        public static Source of(org.poseanalytics.pose.video.VideoInfo video, String modelDescription) {
            if (!KEYPOINTS_CONTAINER.equals(video.container())) return new Source("video", null, null, null);
            String codec = video.codec() == null ? "" : video.codec();
            int space = codec.indexOf(' ');
            return new Source("keypoints", space < 0 ? codec : codec.substring(0, space), space < 0 ? null : codec.substring(space + 1), modelDescription);
        }

        public boolean imported() { return "keypoints".equals(kind); }
    }

    /**
     * How pixels became metres: {@code source} line | subject_height | none, metres per pixel (absent without a scale),
     * the line (pixels of the displayed frame and its length in metres) or the subject's height used, one line saying how
     * it was found, its quality (and reason when not valid) and warnings (e.g. the line not in the movement's plane).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScaleEntry(String source, Double metresPerPx, LineEntry line, Double subjectHeightM, String method,
                             String quality, String reason, List<String> warnings) {
        public static ScaleEntry of(Scale s) {
            LineEntry line = s.spec() instanceof ScaleSpec.Line l ? new LineEntry(l.x1(), l.y1(), l.x2(), l.y2(), l.metres(), round(l.lengthPx())) : null;
            Double height = s.spec() instanceof ScaleSpec.SubjectHeight h ? h.metres() : null;
            return new ScaleEntry(s.source().id(), s.known() ? s.metresPerPx() : null, line, height, s.method(),
                    s.rating().quality().id(), s.rating().reason().isBlank() ? null : s.rating().reason(), s.warnings());
        }
    }

    /** The reference line: end points in pixels of the displayed frame, real length in metres, length on the frame in pixels. */
    public record LineEntry(double x1, double y1, double x2, double y2, double metres, double lengthPx) {}

    /**
     * One followed point: frames where it was followed, and its figures (m and m/s with a scale, px and px/s without),
     * session-wide and per repetition (the pose's repetitions, or the point's own down-up movements).
     */
    public record PointEntry(int id, int framesFollowed, int frames, Map<String, Measure> metrics, List<PointRepetition> repetitions) {}

    public record PointRepetition(int index, Map<String, Measure> metrics) {}

    /** The input as displayed: size after rotation, rotation clockwise in degrees, frames actually decoded. */
    public record Video(int width, int height, int rotation, String codec, long frames, double durationS,
                        double nominalFps, boolean variableFrameRate, boolean decodedCompletely) {}

    /**
     * From where the camera saw the subject: the dominant view ("sagittal_left", "frontal_anterior", "oblique", ...),
     * its share of the frames, the share of each view, and the median angles of the body's sagittal and frontal
     * planes to the image plane in degrees (0 = that plane faces the camera).
     */
    public record View(String dominant, double share, Map<String, Double> shares, Double sagittalPlaneToImageDeg,
                       Double frontalPlaneToImageDeg) {
        static View of(ViewSummary v) {
            Map<String, Double> shares = new java.util.TreeMap<>();
            v.shares().forEach((k, s) -> shares.put(k.id(), round(s)));
            return new View(v.dominant().id(), round(v.share()), shares, orNull(v.sagittalPlaneToImageDeg()), orNull(v.frontalPlaneToImageDeg()));
        }
    }

    /** Which filters the subject's series went through, and what was repaired or left unknown. */
    public record Filtering(String chain, double cutoffHz, int swapsRepaired, int longGaps, boolean angles3d) {}

    public record Timings(double decodeS, double inferenceS, double trackingS, double kinematicsS, double pointsS,
                          double totalS, double framesPerS) {}

    public static AnalysisSummary of(AnalysisResult r) {
        var v = r.video();
        var decode = r.poses().decode();
        double duration = decode.complete() || Double.isNaN(decode.lastTimeS()) ? v.durationS() : decode.lastTimeS();
        KinematicsSummary k = r.kinematics().summary();
        var t = r.timings();
        Filtering filtering = null;
        if (r.hasSubject()) {
            FilteredSeries filtered = r.subject().filtered();
            filtering = new Filtering(filtered.series().filter(), filtered.cutoffHz(), filtered.swaps().size(),
                    filtered.longGaps().size(), r.kinematics().angles().has3d());
        }
        return new AnalysisSummary(
                new Video(v.width(), v.height(), v.rotationDeg(), v.codec(), r.poses().frames(), round(duration),
                        round(v.nominalFps()), v.variableFrameRate(), decode.complete()),
                r.model(), r.modelDescription(), r.hasSubject() ? r.subject().choice().trackId() : null,
                r.hasSubject() && r.subject().choice().chosenByUser(),
                r.poses().framesWithPose(), r.tracks().trackIds(), View.of(r.kinematics().view()), k.exercise(), k.headlines(), k.repetitions(), k.metrics(),
                filtering,
                new Timings(round(t.decodeS()), round(t.inferenceS()), round(t.trackingS()), round(t.kinematicsS()),
                        round(t.pointsS()), round(t.totalS()), round(t.framesPerS())),
                r.warnings(), ScaleEntry.of(r.scale()), points(r), Source.of(v, r.modelDescription()));
    }

    /** Each followed point's figures, from the result's metric list (names point_<id>_...). */
    static List<PointEntry> points(AnalysisResult r) {
        List<PointEntry> out = new java.util.ArrayList<>();
        for (PointTrajectory p : r.points()) {
            String prefix = "point_" + p.pointId() + "_";
            Map<String, Measure> session = new java.util.LinkedHashMap<>();
            Map<Integer, Map<String, Measure>> reps = new java.util.TreeMap<>();
            for (MetricRecord m : r.kinematics().metrics()) {
                if (!m.name().startsWith(prefix)) continue;
                if (m.repetition() == null) session.put(m.key(), Measure.of(m));
                else reps.computeIfAbsent(m.repetition(), i -> new java.util.LinkedHashMap<>()).put(m.key(), Measure.of(m));
            }
            out.add(new PointEntry(p.pointId(), p.framesSeen(), p.points().size(), session,
                    reps.entrySet().stream().map(e -> new PointRepetition(e.getKey(), e.getValue())).toList()));
        }
        return out;
    }

    /** JSON has no NaN: an unknown angle is left out. */
    private static Double orNull(double v) { return Double.isFinite(v) ? round(v) : null; }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
