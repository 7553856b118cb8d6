package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.KinematicsSummary;
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
                              Filtering filtering, Timings timings, List<String> warnings) {

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
        FilteredSeries filtered = r.subject().filtered();
        var t = r.timings();
        return new AnalysisSummary(
                new Video(v.width(), v.height(), v.rotationDeg(), v.codec(), r.poses().frames(), round(duration),
                        round(v.nominalFps()), v.variableFrameRate(), decode.complete()),
                r.model(), r.modelDescription(), r.subject().choice().trackId(), r.subject().choice().chosenByUser(),
                r.poses().framesWithPose(), r.tracks().trackIds(), View.of(r.kinematics().view()), k.exercise(), k.headlines(), k.repetitions(), k.metrics(),
                new Filtering(filtered.series().filter(), filtered.cutoffHz(), filtered.swaps().size(),
                        filtered.longGaps().size(), r.kinematics().angles().has3d()),
                new Timings(round(t.decodeS()), round(t.inferenceS()), round(t.trackingS()), round(t.kinematicsS()),
                        round(t.pointsS()), round(t.totalS()), round(t.framesPerS())),
                r.warnings());
    }

    /** JSON has no NaN: an unknown angle is left out. */
    private static Double orNull(double v) { return Double.isFinite(v) ? round(v) : null; }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
