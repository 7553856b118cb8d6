package org.poseanalytics.kinematics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.poseanalytics.kinematics.rating.RatedTables.all;
import static org.poseanalytics.kinematics.rating.RatedTables.between;
import static org.poseanalytics.kinematics.rating.RatedTables.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.RatedTables;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Polarity;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.view.CameraView;

/** Angle figures from synthetic tables with known issues: values from usable samples only, quality by the rule. */
class MetricQualityTest {
    static final int N = 100;

    /** 0° → 90° → 0° over the 100 samples. */
    static double bend(int i) { return 90 * Math.sin(Math.PI * i / (N - 1)); }

    private static MetricRecord session(List<MetricRecord> m, String key) {
        return m.stream().filter(r -> r.repetition() == null && r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    @Test
    void aFrontalAngleFromASideViewIsInvalidWithoutAValue() {
        AngleTable t = RatedTables.of(N, 30).add(JointAngle.HIP_ABDUCTION, Side.LEFT, Dimension.IMAGE_2D, i -> 134 * Math.sin(i), all(SampleIssue.EDGE_ON_PLANE), true).build();
        MetricRecord rom = session(AngleMetrics.sessionRom(t, List.of(JointAngle.HIP_ABDUCTION), view(CameraView.SAGITTAL_RIGHT)), "left_hip_abduction_rom");
        assertThat(rom.quality()).isEqualTo(Quality.INVALID);
        assertThat(rom.value()).isNaN();
        assertThat(rom.reason()).isEqualTo("frontal-plane angle from a side view");
    }

    @Test
    void implausibleSamplesAreLeftOutAndLowerTheQuality() {
        // 30 % of the samples read 500° and are rated implausible; the values were kept to prove they are ignored.
        AngleTable t = RatedTables.of(N, 30)
                .add(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.WORLD_3D, i -> i < 30 ? 500 : bend(i), between(0, 30, SampleIssue.IMPLAUSIBLE), true).build();
        List<MetricRecord> m = AngleMetrics.sessionRom(t, List.of(JointAngle.KNEE_FLEXION), view(CameraView.FRONTAL_ANTERIOR));
        MetricRecord max = session(m, "left_knee_flexion_3d_max");
        assertThat(max.value()).isCloseTo(90, within(0.1));
        assertThat(max.quality()).isEqualTo(Quality.LOW);
        assertThat(max.reason()).isEqualTo("outside the physiological range in 30 % of the frames");
        assertThat(session(m, "left_knee_flexion_3d_min").value()).isCloseTo(bend(99), within(1e-9));
    }

    @Test
    void aFewHiddenSamplesLeaveAFigureValidButOutOfItsValue() {
        // The bend's top (samples 45–54) hidden: 90 % valid → valid, the max from what was seen.
        AngleTable t = RatedTables.of(N, 30).add(JointAngle.KNEE_FLEXION, Side.RIGHT, Dimension.IMAGE_2D, MetricQualityTest::bend,
                between(45, 55, SampleIssue.HIDDEN)).build();
        MetricRecord max = session(AngleMetrics.sessionRom(t, List.of(JointAngle.KNEE_FLEXION), view(CameraView.SAGITTAL_RIGHT)), "right_knee_flexion_max");
        assertThat(max.quality()).isEqualTo(Quality.VALID);
        assertThat(max.reason()).isEmpty();
        // Angle series hold float32 (AngleSeries): the figure is the sample as stored.
        assertThat(max.value()).isCloseTo((float) bend(44), within(1e-9)).isLessThan(89.0);
    }

    @Test
    void repetitionFiguresAreRatedOverTheirOwnWindowAndMeansOverTheirRepetitions() {
        // Two repetitions (samples 0–49 and 50–99); the second is hidden in 60 % of its samples.
        AngleTable t = RatedTables.of(N, 10).add(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.IMAGE_2D, i -> 90 * Math.sin(Math.PI * (i % 50) / 49),
                between(55, 85, SampleIssue.HIDDEN)).build();
        List<Repetition> reps = List.of(rep(1, 0, 4.9), rep(2, 5.0, 9.9));
        List<MetricRecord> m = AngleMetrics.repetitions(t, List.of(JointAngle.KNEE_FLEXION), Polarity.RISES, reps, Rating.VALID, view(CameraView.SAGITTAL_LEFT));
        MetricRecord peak1 = m.stream().filter(r -> r.repetition() != null && r.repetition() == 1 && r.key().equals("left_knee_flexion_peak")).findFirst().orElseThrow();
        MetricRecord peak2 = m.stream().filter(r -> r.repetition() != null && r.repetition() == 2 && r.key().equals("left_knee_flexion_peak")).findFirst().orElseThrow();
        assertThat(peak1.quality()).isEqualTo(Quality.VALID);
        assertThat(peak1.value()).isCloseTo(90, within(0.1));
        assertThat(peak2.quality()).isEqualTo(Quality.INVALID);
        assertThat(peak2.reason()).isEqualTo("keypoint hidden or out of view in 60 % of the frames");
        // The mean uses rep 1 only; over both windows 70 % is valid → low.
        MetricRecord mean = session(m, "left_knee_flexion_peak_mean");
        assertThat(mean.value()).isCloseTo(90, within(0.1));
        assertThat(mean.quality()).isEqualTo(Quality.LOW);
        assertThat(session(m, "repetition_count").quality()).isEqualTo(Quality.VALID);
    }

    @Test
    void aRepetitionsReasonNamesTheKeypointHiddenInItsOwnWindow() {
        // Two repetitions at 10 fps (samples 0–49, 50–99): the left ankle hidden in the first's samples 0–29, the left
        // hip in the second's 55–84. Each reason names its own window's keypoint, not the series' first samples'.
        double[] v = new double[N];
        SampleIssue[] issues = new SampleIssue[N];
        String[] keypoints = new String[N];
        for (int i = 0; i < N; i++) {
            v[i] = 90 * Math.sin(Math.PI * (i % 50) / 49);
            boolean ankle = i < 30, hip = i >= 55 && i < 85;
            issues[i] = ankle || hip ? SampleIssue.HIDDEN : SampleIssue.NONE;
            keypoints[i] = ankle ? "left_ankle" : hip ? "left_hip" : null;
        }
        long[] frames = new long[N];
        double[] t = new double[N];
        for (int i = 0; i < N; i++) { frames[i] = i; t[i] = i / 10.0; }
        AngleTable table = new AngleTable(frames, t, List.of(new AngleSeries(JointAngle.KNEE_FLEXION,
                Side.LEFT, Dimension.IMAGE_2D, v, new double[N], issues, keypoints)), new ViewSigns(1, 1));
        List<MetricRecord> m = AngleMetrics.repetitions(table, List.of(JointAngle.KNEE_FLEXION), Polarity.RISES,
                List.of(rep(1, 0, 4.9), rep(2, 5.0, 9.9)), Rating.VALID, view(CameraView.SAGITTAL_LEFT));
        assertThat(peak(m, 1).reason()).isEqualTo("left ankle hidden or out of view in 60 % of the frames");
        assertThat(peak(m, 2).reason()).isEqualTo("left hip hidden or out of view in 60 % of the frames");
    }

    private static MetricRecord peak(List<MetricRecord> m, int repetition) {
        return m.stream().filter(r -> r.repetition() != null && r.repetition() == repetition && r.key().equals("left_knee_flexion_peak"))
                .findFirst().orElseThrow();
    }

    private static Repetition rep(int index, double startS, double endS) {
        return new Repetition(index, startS, (startS + endS) / 2, endS, (long) (startS * 10), (long) ((startS + endS) * 5), (long) (endS * 10),
                90, 90, 0, 90, 2, 0, 2, true, "", "test", Rating.VALID);
    }

    @Test
    void symmetryIsAsGoodAsTheWeakerSideAndTheLimbIndexStandsAgainstTheInvolvedSide() {
        List<MetricRecord> m = List.of(
                MetricRecord.session("knee_flexion_rom_mean", 60, "deg", Side.LEFT, Rating.VALID),
                MetricRecord.session("knee_flexion_rom_mean", 80, "deg", Side.RIGHT, Rating.low("keypoint hidden in 30 % of the frames")));
        List<MetricRecord> left = SymmetryMetrics.of(m, List.of("knee_flexion_rom_mean"), Side.LEFT);
        MetricRecord lsi = session(left, "knee_flexion_rom_limb_symmetry_index");
        assertThat(lsi.value()).isCloseTo(75, within(1e-9));
        assertThat(lsi.unit()).isEqualTo("%");
        assertThat(lsi.quality()).isEqualTo(Quality.LOW);
        assertThat(lsi.reason()).startsWith("right side: keypoint hidden");
        assertThat(session(SymmetryMetrics.of(m, List.of("knee_flexion_rom_mean"), Side.RIGHT), "knee_flexion_rom_limb_symmetry_index").value())
                .isCloseTo(80.0 / 60 * 100, within(1e-9));
        MetricRecord si = session(left, "knee_flexion_rom_symmetry_index");
        assertThat(si.value()).isCloseTo(100 * (60 - 80) / 70.0, within(1e-9));
        // Unknown involved side: no limb index, only left against right.
        assertThat(SymmetryMetrics.of(m, List.of("knee_flexion_rom_mean"), Side.NONE)).extracting(MetricRecord::name)
                .containsExactly("knee_flexion_rom_symmetry_index");
        // An invalid side makes the index invalid, with that side's reason.
        List<MetricRecord> bad = List.of(m.getFirst(), MetricRecord.session("knee_flexion_rom_mean", Double.NaN, "deg", Side.RIGHT,
                Rating.invalid("sagittal-plane angle from a front view")));
        MetricRecord invalid = session(SymmetryMetrics.of(bad, List.of("knee_flexion_rom_mean"), Side.LEFT), "knee_flexion_rom_limb_symmetry_index");
        assertThat(invalid.quality()).isEqualTo(Quality.INVALID);
        assertThat(invalid.value()).isNaN();
        assertThat(invalid.reason()).isEqualTo("right side: sagittal-plane angle from a front view");
    }

    @Test
    void anInvalidRecordCarriesNoValue() {
        assertThat(MetricRecord.session("x", 12, "deg", Side.LEFT, Rating.invalid("keypoint hidden in all frames")).value()).isNaN();
        assertThat(Measure.of(MetricRecord.session("x", 12, "deg", Side.LEFT, Rating.invalid("why"))).value()).isNull();
        assertThat(Measure.of(MetricRecord.session("x", 12, "deg", Side.LEFT, Rating.VALID)).reason()).isNull();
    }
}
