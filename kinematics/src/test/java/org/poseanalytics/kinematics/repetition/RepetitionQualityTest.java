package org.poseanalytics.kinematics.repetition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poseanalytics.kinematics.rating.RatedTables.view;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.RatedTables;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.kinematics.view.ViewTrack;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Repetitions are counted and measured on usable samples only; a repetition's ROM never exceeds its own samples' range. */
class RepetitionQualityTest {
    static final double FPS = 30;

    /** Squats of 90° from 5° rest, one every 3 s (1 s rest, 1 s down, 1 s up). */
    static double squats(int i) {
        double t = i / FPS, u = t % 3;
        return u < 1 ? 5 : 5 + 90 * (1 - Math.cos(Math.PI * (u - 1))) / 2;
    }

    private static final RepetitionDetector DETECTOR = new RepetitionDetector();

    private static RepetitionDetector.Detection detect(double[] v, SampleIssue[] issues) {
        long[] frames = new long[v.length];
        double[] t = new double[v.length];
        for (int i = 0; i < v.length; i++) { frames[i] = i; t[i] = i / FPS; }
        return DETECTOR.detect(frames, t, v, issues, QualityRule.Context.NONE, Polarity.RISES, true, "knee");
    }

    @Test
    void implausibleSamplesNeverEnterARepetitionEvenWhenTheirValuesWereKept() {
        int n = (int) (5 * 3 * FPS);
        double[] v = new double[n];
        SampleIssue[] issues = new SampleIssue[n];
        for (int i = 0; i < n; i++) {
            // Rep 2's bottom reads 500° for six samples (an unwrapped angle gone wild), rated implausible but not NaN'd.
            boolean wild = i >= 4 * FPS - 3 && i < 4 * FPS + 3;
            v[i] = wild ? 500 : squats(i);
            issues[i] = wild ? SampleIssue.IMPLAUSIBLE : SampleIssue.NONE;
        }
        List<Repetition> reps = detect(v, issues).repetitions();
        assertThat(reps).hasSize(5);
        for (Repetition r : reps) {
            assertThat(r.maxDeg()).as("rep " + r.index()).isLessThanOrEqualTo(95.0);
            assertThat(r.romDeg()).as("rep " + r.index()).isLessThanOrEqualTo(90.0).isEqualTo(r.maxDeg() - r.minDeg());
            assertThat(r.peakDeg()).isLessThanOrEqualTo(95.0);
        }
        // The wild stretch is bridged, not measured: rep 2's peak is a measured sample next to it.
        long peak = reps.get(1).peakFrame();
        assertThat(peak < 4 * FPS - 3 || peak >= 4 * FPS + 3).as("peak frame %d outside the wild stretch", peak).isTrue();
    }

    @Test
    void aMovementSeenMostlyOnInvalidSamplesIsNotCounted() {
        int n = (int) (4 * 3 * FPS);
        double[] v = new double[n];
        SampleIssue[] issues = new SampleIssue[n];
        for (int i = 0; i < n; i++) {
            // Squat 3 (6–9 s, moving 7–9 s): the knee is hidden except the few samples around the bottom.
            boolean hidden = i >= 6.8 * FPS && i < 9.2 * FPS && Math.abs(i - 8 * FPS) > 4;
            v[i] = hidden ? Double.NaN : squats(i);
            issues[i] = hidden ? SampleIssue.HIDDEN : SampleIssue.NONE;
        }
        RepetitionDetector.Detection d = detect(v, issues);
        assertThat(d.repetitions()).hasSize(3);
        assertThat(d.dropped()).isEqualTo(1);
        assertThat(d.droppedReason()).contains("keypoint hidden or out of view in");
        assertThat(d.repetitions()).allSatisfy(r -> assertThat(r.startS() >= 9.0 || r.endS() <= 7.0).as("rep %d at %.1f-%.1f s", r.index(), r.startS(), r.endS()).isTrue());
        assertThat(d.repetitions()).extracting(Repetition::index).containsExactly(1, 2, 3);
    }

    @Test
    void onRandomIssuesEveryRepetitionIsUsableAndItsRomStaysWithinItsOwnUsableSamples() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            int n = (int) (6 * 3 * FPS);
            double[] v = new double[n];
            SampleIssue[] issues = new SampleIssue[n];
            SampleIssue[] kinds = {SampleIssue.HIDDEN, SampleIssue.IMPLAUSIBLE, SampleIssue.NOT_TRACKED, SampleIssue.INTERPOLATED, SampleIssue.OUT_OF_FRAME};
            for (int i = 0; i < n; i++) { v[i] = squats(i) + rnd.nextGaussian(); issues[i] = SampleIssue.NONE; }
            for (int k = 0; k < 6; k++) {
                int from = rnd.nextInt(n), len = 5 + rnd.nextInt(60);
                SampleIssue kind = kinds[rnd.nextInt(kinds.length)];
                for (int i = from; i < Math.min(n, from + len); i++) {
                    issues[i] = kind;
                    // Invalid samples hold anything: a stage that forgot to NaN them must not matter.
                    if (!kind.quality().usable()) v[i] = rnd.nextBoolean() ? Double.NaN : 400 * rnd.nextGaussian();
                }
            }
            for (Repetition r : detect(v, issues).repetitions()) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                int usable = 0;
                for (int i = (int) r.startFrame(); i <= r.endFrame(); i++) {
                    if (!issues[i].quality().usable() || !Double.isFinite(v[i])) continue;
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                    usable++;
                }
                String what = "trial " + trial + " rep " + r.index();
                assertThat(r.rating().usable()).as(what).isTrue();
                assertThat(usable).as(what + ": usable samples").isGreaterThanOrEqualTo((int) Math.ceil(0.5 * (r.endFrame() - r.startFrame() + 1)));
                assertThat(r.romDeg()).as(what + ": ROM within its own usable range").isLessThanOrEqualTo(hi - lo + 1e-9);
                assertThat(r.minDeg()).as(what).isGreaterThanOrEqualTo(lo);
                assertThat(r.maxDeg()).as(what).isLessThanOrEqualTo(hi);
                assertThat(issues[(int) r.peakFrame()].quality().usable()).as(what + ": peak on a usable sample").isTrue();
            }
        }
    }

    /** The stage on a table of 2D knee flexion only (no world landmarks), as the given view sees it. */
    private static KinematicsResult stage(AngleTable table, CameraView v) {
        KeypointSeries empty = KeypointSeries.empty(Skeleton.BLAZEPOSE_33, table.frames(), table.timesS(), false, "test");
        int k = empty.skeleton().size();
        FilteredSeries f = FilteredSeries.asIs(empty, 6);
        ViewSummary summary = view(v);
        CameraView[] views = new CameraView[table.length()];
        java.util.Arrays.fill(views, v);
        return new KinematicsStage().analyze(new KinematicsInput(f, Exercise.SQUAT, Side.NONE, 720, 1280), table,
                new ViewTrack(views, new double[table.length()], new double[table.length()], new double[table.length()], summary));
    }

    private static AngleTable kneeOnly2d(int n) {
        return RatedTables.of(n, FPS)
                .add(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.IMAGE_2D, RepetitionQualityTest::squats, RatedTables.all(SampleIssue.NONE))
                .add(JointAngle.KNEE_FLEXION, Side.RIGHT, Dimension.IMAGE_2D, RepetitionQualityTest::squats, RatedTables.all(SampleIssue.NONE))
                .build();
    }

    @Test
    void aTwoDimensionalSignalCountsOnlyWhenItsPlaneFacesTheCamera() {
        AngleTable table = kneeOnly2d((int) (3 * 3 * FPS));
        KinematicsResult side = stage(table, CameraView.SAGITTAL_RIGHT);
        assertThat(side.repetitions()).hasSize(3);
        assertThat(side.signal()).contains("left_knee_flexion_deg");
        KinematicsResult front = stage(table, CameraView.FRONTAL_ANTERIOR);
        assertThat(front.repetitions()).isEmpty();
        var count = front.metrics().stream().filter(m -> m.key().equals("repetition_count")).findFirst().orElseThrow();
        assertThat(count.quality()).isEqualTo(Quality.INVALID);
        assertThat(count.value()).isNaN();
        assertThat(front.headlines().getFirst().metric().quality()).isEqualTo(Quality.INVALID);
    }

    @Test
    void theCountInheritsTheSignalsQualityAndSaysWhatWasNotCounted() {
        int n = (int) (4 * 3 * FPS);
        AngleTable table = RatedTables.of(n, FPS)
                .add(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.IMAGE_2D, RepetitionQualityTest::squats,
                        i -> i >= 6.8 * FPS && i < 9.2 * FPS && Math.abs(i - 8 * FPS) > 4 ? SampleIssue.HIDDEN : SampleIssue.NONE)
                .add(JointAngle.KNEE_FLEXION, Side.RIGHT, Dimension.IMAGE_2D, RepetitionQualityTest::squats,
                        i -> i >= 6.8 * FPS && i < 9.2 * FPS && Math.abs(i - 8 * FPS) > 4 ? SampleIssue.HIDDEN : SampleIssue.NONE)
                .build();
        KinematicsResult r = stage(table, CameraView.SAGITTAL_LEFT);
        assertThat(r.repetitions()).hasSize(3);
        var count = r.metrics().stream().filter(m -> m.key().equals("repetition_count")).findFirst().orElseThrow();
        assertThat(count.value()).isEqualTo(3);
        assertThat(count.quality()).isEqualTo(Quality.LOW);
        assertThat(count.reason()).contains("1 movement not counted").contains("keypoint hidden");
        // Each repetition's figures are rated over its own window: rep 3 (9–12 s) is clean.
        assertThat(r.metrics().stream().filter(m -> m.repetition() != null && m.repetition() == 3 && m.key().equals("left_knee_flexion_rom")))
                .singleElement().satisfies(m -> assertThat(m.quality()).isEqualTo(Quality.VALID));
    }
}
