package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import java.util.stream.IntStream;

/** Results of a made-up size with recognisable values, for storage tests and the storage benchmark. */
public final class SyntheticResults {
    private SyntheticResults() {}

    public static AnalysisResults of(int frames, int landmarks, int tracks, int angleColumns, int repetitions) {
        long[] f = IntStream.range(0, frames).asLongStream().toArray();
        double[] t = IntStream.range(0, frames).mapToDouble(i -> i / 30.0).toArray();
        List<AngleColumn> columns = new ArrayList<>();
        for (int c = 0; c < angleColumns; c++) {
            float[] v = new float[frames];
            float[] w = new float[frames];
            for (int i = 0; i < frames; i++) {
                v[i] = (float) (45 + 40 * Math.sin(i / 15.0 + c));
                w[i] = (float) (80 * Math.cos(i / 15.0 + c));
            }
            if (frames > 3) v[3] = Float.NaN; // a sample that could not be measured
            BodySide side = BodySide.values()[c % 3];
            AngleDimension dim = c % 2 == 0 ? AngleDimension.IMAGE_2D : AngleDimension.WORLD_3D;
            String joint = "joint" + c;
            SampleIssue[] issues = new SampleIssue[frames];
            java.util.Arrays.fill(issues, SampleIssue.NONE);
            if (frames > 3) issues[3] = SampleIssue.HIDDEN;
            if (frames > 5) issues[5] = SampleIssue.INTERPOLATED;
            columns.add(new AngleColumn(side.prefix() + joint + (dim == AngleDimension.WORLD_3D ? "_3d" : "") + "_deg",
                    joint, side, dim, "deg", v, w, issues));
        }
        List<String> names = IntStream.range(0, landmarks).mapToObj(i -> "landmark_" + i).toList();
        Keypoints subject = keypoints(f, t, landmarks, 0);
        float[] world = new float[frames * landmarks * 3];
        for (int i = 0; i < world.length; i++) world[i] = (i % 97) / 100f;
        List<TrackKeypoints> trackList = new ArrayList<>();
        for (int k = 0; k < tracks; k++) trackList.add(new TrackKeypoints(k + 1, keypoints(f, t, landmarks, k)));
        List<RepetitionResult> reps = new ArrayList<>();
        List<MetricResult> metrics = new ArrayList<>();
        for (int r = 1; r <= repetitions; r++) {
            double s = r * 2.0;
            reps.add(new RepetitionResult(r, s, s + 0.8, s + 1.6, r * 60L, r * 60L + 24, r * 60L + 48, 90 + r, 95 + r, 5, 95 + r,
                    0.8, 0.1, 0.7, true, "", "knee_flexion_deg"));
            metrics.add(new MetricResult("knee_flexion_peak", 95 + r, "deg", BodySide.LEFT, r, Quality.VALID, ""));
        }
        metrics.add(new MetricResult("repetitions", repetitions, "count", BodySide.NONE, null, Quality.VALID, ""));
        MetricResult leftRom = new MetricResult("knee_flexion_rom_mean", 92.5, "deg", BodySide.LEFT, null, Quality.VALID, "");
        metrics.add(leftRom);
        metrics.add(new MetricResult("knee_flexion_rom_mean", 90.0, "deg", BodySide.RIGHT, null, Quality.LOW,
                "right knee interpolated in 20 % of frames"));
        float[] px = new float[frames], py = new float[frames], conf = new float[frames];
        for (int i = 0; i < frames; i++) {
            px[i] = 100 + i % 50;
            py[i] = 200;
            conf[i] = 0.9f;
        }
        PointPath bar = new PointPath(1, 100, 200, 0, 0, f, t, px, py, conf);
        return new AnalysisResults("synthetic", "1", "squat", false, "knee_flexion_deg", "blazepose-33", names, 1, false, frames,
                frames, new Angles(f, t, columns),
                new SubjectKeypoints(SubjectKeypoints.Kind.RAW, "raw", subject, world),
                new SubjectKeypoints(SubjectKeypoints.Kind.FILTERED, "hampel+butterworth-4-6hz", keypoints(f, t, landmarks, 5), world),
                trackList, reps, metrics, List.of(bar),
                new Timings(1, 2, 0.1, 0.05, 3.2, frames / 3.2, Double.NaN), SIDE_VIEW,
                List.of(new HeadlineResult(1, "Knee flexion ROM (left)", "mean ROM over complete repetitions; 2D image plane", leftRom)));
    }

    /** Filmed from the subject's left side in 93 % of the frames. */
    public static final ViewSummary SIDE_VIEW = new ViewSummary(CameraView.SAGITTAL_LEFT, 0.93,
            Map.of(CameraView.SAGITTAL_LEFT, 0.93, CameraView.OBLIQUE, 0.07), 12.5, 78.0);

    /** The same results with other figures: another template, its session figures, headlines and camera view. */
    public static AnalysisResults withFigures(AnalysisResults r, String exercise, List<RepetitionResult> repetitions,
                                              List<MetricResult> metrics, List<HeadlineResult> headlines, ViewSummary view) {
        return new AnalysisResults(r.model(), r.modelVersion(), exercise, false, repetitions.isEmpty() ? "" : r.repetitionSignal(),
                r.skeleton(), r.landmarks(), r.subjectTrackId(), r.subjectChosenByUser(), r.frames(), r.framesWithPose(), r.angles(),
                r.raw(), r.filtered(), r.tracks(), repetitions, metrics, r.points(), r.timings(), view, headlines);
    }

    /** A session-wide figure. */
    public static MetricResult figure(String name, double value, String unit, BodySide side, Quality q, String reason) {
        return new MetricResult(name, value, unit, side, null, q, reason);
    }

    private static Keypoints keypoints(long[] f, double[] t, int landmarks, int seed) {
        float[] v = new float[f.length * landmarks * 4];
        for (int i = 0; i < f.length; i++)
            for (int l = 0; l < landmarks; l++) {
                int o = (i * landmarks + l) * 4;
                v[o] = 10 * l + i % 100 + seed;
                v[o + 1] = 20 * l + seed;
                v[o + 2] = -0.1f * l;
                v[o + 3] = 0.9f;
            }
        if (f.length > 1 && landmarks > 1) {
            v[(landmarks + 1) * 4] = Float.NaN; // sample 1, landmark 1 is a gap
            v[(landmarks + 1) * 4 + 1] = Float.NaN;
        }
        return new Keypoints(landmarks, f, t, v);
    }
}
