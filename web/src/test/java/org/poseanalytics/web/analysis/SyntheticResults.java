package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.video.DecodeReport;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.TrackingStage;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A pipeline result of a made-up size with recognisable values, for storage tests and the storage benchmark. Every
 * stored number is a float32 value, so what is read back (float32 in the database) equals what went in.
 */
public final class SyntheticResults {
    private SyntheticResults() {}

    /**
     * @param landmarks    33 (BlazePose) or 17 (COCO)
     * @param tracks       people followed, each in every frame, far apart so the tracker's rules keep them apart
     * @param angleColumns at most {@link #MAX_ANGLE_COLUMNS}: every angle, side and dimension there is, 2D and 3D alternating
     */
    public static AnalysisResult of(int frames, int landmarks, int tracks, int angleColumns, int repetitions) {
        Skeleton skeleton = landmarks == 17 ? Skeleton.COCO_17 : Skeleton.BLAZEPOSE_33;
        if (skeleton.size() != landmarks) throw new IllegalArgumentException("no skeleton of " + landmarks + " landmarks");
        long[] f = IntStream.range(0, frames).asLongStream().toArray();
        double[] t = IntStream.range(0, frames).mapToDouble(i -> i / 30.0).toArray();
        List<AngleSeries> columns = new ArrayList<>();
        for (Kind k : kinds().subList(0, angleColumns)) {
            int c = columns.size();
            double[] v = new double[frames];
            double[] w = new double[frames];
            for (int i = 0; i < frames; i++) {
                v[i] = (float) (45 + 40 * Math.sin(i / 15.0 + c));
                w[i] = (float) (80 * Math.cos(i / 15.0 + c));
            }
            if (frames > 3) v[3] = Double.NaN; // a sample that could not be measured
            SampleIssue[] issues = new SampleIssue[frames];
            java.util.Arrays.fill(issues, SampleIssue.NONE);
            if (frames > 3) issues[3] = SampleIssue.HIDDEN;
            if (frames > 5) issues[5] = SampleIssue.INTERPOLATED;
            columns.add(new AngleSeries(k.angle(), k.side(), k.dimension(), v, w, issues));
        }
        KeypointSeries filtered = keypoints(skeleton, f, t, 5, "hampel+butterworth-4-6hz", true);
        List<Repetition> reps = new ArrayList<>();
        List<MetricRecord> metrics = new ArrayList<>();
        for (int r = 1; r <= repetitions; r++) {
            double s = r * 2.0;
            reps.add(new Repetition(r, s, s + 0.8, s + 1.6, r * 60L, r * 60L + 24, r * 60L + 48, 90 + r, 95 + r, 5, 95 + r,
                    0.8, 0.1, 0.7, true, "", "knee_flexion_deg", Rating.VALID));
            metrics.add(new MetricRecord("knee_flexion_peak", 95 + r, "deg", Side.LEFT, r, Quality.VALID, ""));
        }
        metrics.add(new MetricRecord("repetitions", repetitions, "count", Side.NONE, null, Quality.VALID, ""));
        MetricRecord leftRom = new MetricRecord("knee_flexion_rom_mean", 92.5, "deg", Side.LEFT, null, Quality.VALID, "");
        metrics.add(leftRom);
        metrics.add(new MetricRecord("knee_flexion_rom_mean", 90.0, "deg", Side.RIGHT, null, Quality.LOW,
                "right knee interpolated in 20 % of frames"));
        KinematicsResult kinematics = new KinematicsResult(new AngleTable(f, t, columns, new ViewSigns(-1, 1)),
                ExerciseChoice.given(Exercise.SQUAT), "knee_flexion_deg", reps, List.of(), metrics, filtered.filter(), SIDE_VIEW,
                List.of(new Headline(1, "Knee flexion ROM (left)", "mean ROM over complete repetitions; 2D image plane", leftRom)));
        Tracks people = tracks(skeleton, f, t, tracks);
        Tracks.SubjectChoice choice = new Tracks.SubjectChoice(1, false, new Tracks.TrackSummary(1, frames, 1, 0.5, 0, frames - 1));
        VideoInfo video = new VideoInfo("mp4", "h264", 640, 480, 0, frames, frames / 30.0, 30, false, false);
        VideoPoseResult poses = new VideoPoseResult(video, "synthetic 1", frames, frames,
                new DecodeReport(frames, frames / 30.0, frames / 30.0, true, null), 1, 2, 3.2, new StageTimings());
        return new AnalysisResult(video, "synthetic", "1", poses, people,
                TrackingStage.Subject.ofTrack(choice, people, FilteredSeries.asIs(filtered, 6)), kinematics, List.of(),
                new AnalysisResult.Timings(1, 2, 0.1, 0.05, 0, 3.2, frames / 3.2), List.of());
    }

    /** The most angle columns a result can have: every angle of the BlazePose skeleton, per side, in 2D and 3D. */
    public static final int MAX_ANGLE_COLUMNS = kinds().size();

    private record Kind(JointAngle angle, Side side, Dimension dimension) {}

    private static List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        for (JointAngle a : JointAngle.values())
            for (Side s : a.sides())
                for (Dimension d : Dimension.values()) out.add(new Kind(a, s, d));
        return out;
    }

    /** Filmed from the subject's left side in 93 % of the frames. */
    public static final ViewSummary SIDE_VIEW = new ViewSummary(CameraView.SAGITTAL_LEFT, 0.93,
            Map.of(CameraView.SAGITTAL_LEFT, 0.93, CameraView.OBLIQUE, 0.07), 12.5, 78.0);

    /** The same results with other figures: another template, its session figures, headlines and camera view. */
    public static AnalysisResult withFigures(AnalysisResult r, String exercise, List<Repetition> repetitions,
                                             List<MetricRecord> metrics, List<Headline> headlines, ViewSummary view) {
        KinematicsResult k = r.kinematics();
        KinematicsResult other = new KinematicsResult(k.angles(), ExerciseChoice.given(Exercise.parse(exercise)),
                repetitions.isEmpty() ? "" : k.signal(), repetitions, k.gaitEvents(), metrics, k.filter(), view, headlines);
        return new AnalysisResult(r.video(), r.model(), r.modelDescription(), r.poses(), r.tracks(), r.subject(), other,
                r.points(), r.timings(), r.warnings());
    }

    /** The same results measured with {@code scale} (as the pipeline reports the scale it used). */
    public static AnalysisResult withScale(AnalysisResult r, org.poseanalytics.kinematics.scale.Scale scale) {
        return new AnalysisResult(r.video(), r.model(), r.modelDescription(), r.poses(), r.tracks(), r.subject(), r.kinematics(),
                r.points(), r.timings(), r.warnings(), scale);
    }

    /**
     * A repetition of a barbell lift as the pose would count it: down from {@code startS} for {@code halfS}, then up for
     * {@code halfS} (frames at 30 fps).
     */
    public static Repetition lift(int index, double startS, double halfS) {
        double peak = startS + halfS, end = startS + 2 * halfS;
        return new Repetition(index, startS, peak, end, Math.round(startS * 30), Math.round(peak * 30), Math.round(end * 30),
                90, 95, 5, 95, halfS, 0, halfS, true, "", "knee_flexion_deg", Rating.VALID);
    }

    /**
     * A bar end moving down and up 0.25 m in 1 s each way (a cosine, 100 px at 400 px per metre), twice, sampled at
     * 30 fps: mean concentric velocity 0.25 m/s, peak π/2 × 0.25 m/s, as the repetitions the analysis counted.
     */
    public static org.poseanalytics.tracking.point.PointTrajectory barPath() {
        List<org.poseanalytics.tracking.point.TrackedPoint> samples = new ArrayList<>();
        for (int f = 0; f <= 180; f++) {
            double t = f / 30.0;
            samples.add(new org.poseanalytics.tracking.point.TrackedPoint(f, t, 320, 170 + barDepthPx(t), 0.95, false));
        }
        return new org.poseanalytics.tracking.point.PointTrajectory(0, new org.poseanalytics.tracking.point.PointSpec(320, 170, 0), 0, samples);
    }

    /** Depth below the top, in px: 0 at rest, down 100 px and back up during 0.5–2.5 s and 3.0–5.0 s. */
    public static double barDepthPx(double t) {
        for (double start : new double[] {0.5, 3.0}) {
            if (t >= start && t <= start + 2) return 100 * (1 - Math.cos(Math.PI * (t - start))) / 2;
        }
        return 0;
    }

    /** A session-wide figure. */
    public static MetricRecord figure(String name, double value, String unit, Side side, Quality q, String reason) {
        return new MetricRecord(name, value, unit, side, null, q, reason);
    }

    /** Sample 1, landmark 1 is a gap; x moves with the frame, each {@code seed} a little apart. Kept where a job keeps it (on disk when long). */
    static KeypointSeries keypoints(Skeleton skeleton, long[] f, double[] t, int seed, String filter, boolean world) {
        int l = skeleton.size(), n = f.length;
        KeypointSeries s = KeypointSeries.empty(skeleton, f, t, world, filter);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < l; j++) {
                s.x().set(j, i, 10 * j + i % 100 + seed);
                s.y().set(j, i, 20 * j + seed);
                s.z().set(j, i, -0.1f * j);
                s.visibility().set(j, i, 0.9f);
                if (world) {
                    int w = (i * l + j) * 3;
                    s.worldX().set(j, i, (w % 97) / 100f);
                    s.worldY().set(j, i, ((w + 1) % 97) / 100f);
                    s.worldZ().set(j, i, ((w + 2) % 97) / 100f);
                }
            }
        if (n > 1 && l > 1) {
            s.x().set(1, 1, Float.NaN);
            s.y().set(1, 1, Float.NaN);
        }
        return s;
    }

    /** {@code count} people (track ids 1, 2, …) in every frame, 300 px apart. */
    private static Tracks tracks(Skeleton skeleton, long[] f, double[] t, int count) {
        List<KeypointSeries> people = new ArrayList<>();
        for (int k = 0; k < count; k++) people.add(keypoints(skeleton, f, t, 300 * k, "raw", false));
        List<TrackedFrame> frames = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < f.length; i++) {
            List<TrackedPerson> persons = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                KeypointSeries s = people.get(k);
                List<Keypoint> kp = new ArrayList<>();
                for (int j = 0; j < skeleton.size(); j++) kp.add(new Keypoint(s.x().get(j, i), s.y().get(j, i), s.z().get(j, i), s.visibility().get(j, i), 1));
                persons.add(new TrackedPerson(k + 1, new PersonPose(skeleton, kp, List.of(), null, 0.9), false));
                ids.add(k + 1);
            }
            frames.add(new TrackedFrame(f[i], t[i], 640 * Math.max(1, count), 480, persons));
        }
        return new Tracks(frames, ids);
    }
}
