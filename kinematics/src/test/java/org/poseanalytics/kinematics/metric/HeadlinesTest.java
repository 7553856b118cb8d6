package org.poseanalytics.kinematics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.poseanalytics.kinematics.rating.RatedTables.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.RepetitionTruthTest;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Each template's few lead figures: at most 8, defined, filled with the variant the view can measure, never invalid as a value. */
class HeadlinesTest {

    @Test
    void everyTemplateNamesAtMostEightDefinedHeadlines() {
        for (Exercise e : Exercise.values()) {
            List<HeadlineSpec> specs = e.headlines();
            assertThat(specs).as(e.id()).isNotEmpty().hasSizeLessThanOrEqualTo(Headlines.MAX);
            assertThat(new HashSet<>(specs.stream().map(HeadlineSpec::label).toList())).as(e.id() + ": labels unique").hasSize(specs.size());
            for (HeadlineSpec s : specs) assertThat(s.definition()).as(e.id() + " " + s.label()).hasSizeGreaterThan(20);
            // Resolving against nothing measured keeps every headline, invalid with a reason and a 2D/3D or index statement.
            List<Headline> empty = Headlines.resolve(specs, List.of(), ViewSummary.unknown(), Side.NONE).headlines();
            assertThat(empty).hasSize(specs.size());
            for (Headline h : empty) {
                assertThat(h.metric().quality()).as(h.label()).isEqualTo(Quality.INVALID);
                assertThat(h.metric().reason()).as(h.label()).isNotBlank();
            }
        }
    }

    private static List<MetricRecord> kneePeaks(Rating twoD, Rating threeD) {
        List<MetricRecord> m = new ArrayList<>();
        for (Side s : new Side[]{Side.LEFT, Side.RIGHT}) {
            m.add(MetricRecord.session("knee_flexion_peak_mean", 80, "deg", s, twoD));
            m.add(MetricRecord.session("knee_flexion_3d_peak_mean", 95, "deg", s, threeD));
            m.add(MetricRecord.session("knee_valgus_fppa_peak_mean", s == Side.LEFT ? 12 : 7, "deg", s, twoD));
        }
        m.add(MetricRecord.session("repetition_count", 3, "count", Side.NONE, Rating.VALID));
        return m;
    }

    private static Headline byLabel(List<Headline> h, String label) {
        return h.stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void kneeFlexionIsReadIn2dFromTheSideAndIn3dFromTheFront() {
        List<MetricRecord> m = kneePeaks(Rating.VALID, Rating.VALID);
        Headline side = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.SAGITTAL_LEFT), Side.NONE).headlines(), "Peak knee flexion (left)");
        assertThat(side.metric().key()).isEqualTo("left_knee_flexion_peak_mean");
        assertThat(side.definition()).endsWith("2D, image plane");
        Headline front = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.NONE).headlines(), "Peak knee flexion (left)");
        assertThat(front.metric().key()).isEqualTo("left_knee_flexion_3d_peak_mean");
        assertThat(front.definition()).endsWith("3D, world landmarks");
        assertThat(front.rank()).isEqualTo(2);
    }

    @Test
    void aFigureMissingFromAnAnalysisWithout3dIsNotDescribedAs3d() {
        // keypoints imported in 2D, filmed from the front, no repetitions: no peak at all, and no 3D figure of anything
        List<MetricRecord> m = new ArrayList<>(List.of(
                MetricRecord.session("repetition_count", 0, "count", Side.NONE, Rating.invalid("sagittal-plane angle from a front view")),
                MetricRecord.session("knee_valgus_fppa_rom", 9, "deg", Side.LEFT, Rating.VALID)));
        Headline twoD = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.NONE).headlines(), "Peak knee flexion (left)");
        assertThat(twoD.metric().quality()).isEqualTo(Quality.INVALID);
        assertThat(twoD.definition()).endsWith("2D, image plane");
        // with 3D figures elsewhere in the analysis, the missing one is the 3D figure the front view calls for
        m.add(MetricRecord.session("hip_flexion_3d_rom", 40, "deg", Side.LEFT, Rating.VALID));
        Headline threeD = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.NONE).headlines(), "Peak knee flexion (left)");
        assertThat(threeD.metric().quality()).isEqualTo(Quality.INVALID);
        assertThat(threeD.definition()).endsWith("3D, world landmarks");
    }

    @Test
    void anInvalidVariantGivesWayToAUsableOne() {
        List<MetricRecord> m = kneePeaks(Rating.invalid("keypoint hidden in 70 % of the frames"), Rating.VALID);
        Headline h = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.SAGITTAL_LEFT), Side.NONE).headlines(), "Peak knee flexion (right)");
        assertThat(h.metric().key()).isEqualTo("right_knee_flexion_3d_peak_mean");
        assertThat(h.metric().quality()).isEqualTo(Quality.VALID);
    }

    @Test
    void kneeValgusNeedsAFrontViewAndIsOtherwiseShownInvalidWithItsReason() {
        List<MetricRecord> m = kneePeaks(Rating.VALID, Rating.VALID);
        Headline side = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.SAGITTAL_RIGHT), Side.NONE).headlines(), "Peak knee valgus");
        assertThat(side.metric().quality()).isEqualTo(Quality.INVALID);
        assertThat(side.metric().value()).isNaN();
        assertThat(side.metric().reason()).isEqualTo("frontal-plane angle from a side view");
        Headlines.Resolved front = Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.NONE);
        Headline valgus = byLabel(front.headlines(), "Peak knee valgus");
        assertThat(valgus.metric().value()).isEqualTo(12); // the larger side
        assertThat(valgus.metric().key()).isEqualTo("knee_valgus_fppa_peak_mean_max_of_sides");
        assertThat(front.derived()).extracting(MetricRecord::key).contains("knee_valgus_fppa_peak_mean_max_of_sides");
        // Without a known view the FPPA is not trusted blindly.
        Headline unknown = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, ViewSummary.unknown(), Side.NONE).headlines(), "Peak knee valgus");
        assertThat(unknown.metric().quality()).isEqualTo(Quality.LOW);
        assertThat(unknown.metric().reason()).contains("needs a front view");
    }

    @Test
    void symmetryIsTheLimbIndexAgainstTheInvolvedSideWhenKnownAndSaysSo() {
        List<MetricRecord> m = new ArrayList<>(List.of(
                MetricRecord.session("knee_flexion_3d_rom_mean", 60, "deg", Side.LEFT, Rating.VALID),
                MetricRecord.session("knee_flexion_3d_rom_mean", 80, "deg", Side.RIGHT, Rating.VALID)));
        m.addAll(SymmetryMetrics.of(m, List.of("knee_flexion_3d_rom_mean"), Side.LEFT));
        Headline lsi = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.LEFT).headlines(), "Knee ROM symmetry");
        assertThat(lsi.metric().value()).isCloseTo(75, within(1e-9));
        assertThat(lsi.definition()).contains("limb symmetry index = involved (left) ÷ uninvolved (right) × 100 %").endsWith("3D, world landmarks");
        Headline si = byLabel(Headlines.resolve(Exercise.SQUAT.headlines(), m, view(CameraView.FRONTAL_ANTERIOR), Side.NONE).headlines(), "Knee ROM symmetry");
        assertThat(si.metric().key()).isEqualTo("knee_flexion_3d_rom_symmetry_index");
        assertThat(si.definition()).contains("symmetry index = 100 × (left − right) ÷ mean of both");
    }

    @Test
    void theSquatsHeadlinesAreAllFoundAmongItsMetricsAndUsableOnesCarryValues() {
        KeypointSeries squats = RepetitionTruthTest.squatsForExport(new RepetitionTruthTest.Script(5).hold(1).move(1, 95).move(1, 5).hold(1).move(1, 95).move(1, 5).hold(1));
        int k = squats.skeleton().size();
        FilteredSeries f = FilteredSeries.asIs(squats, 6);
        KinematicsResult r = new KinematicsStage().analyze(new KinematicsInput(f, Exercise.SQUAT, Side.RIGHT, 0, 0));
        assertThat(r.headlines()).hasSize(Exercise.SQUAT.headlines().size());
        for (Headline h : r.headlines()) {
            String what = h.rank() + " " + h.label() + " = " + h.metric();
            assertThat(r.metrics()).as(what).anyMatch(m -> m.repetition() == null && m.key().equals(h.metric().key()));
            if (h.metric().quality().usable()) assertThat(h.metric().value()).as(what).isFinite();
            else assertThat(h.metric().reason()).as(what).isNotBlank();
        }
        assertThat(r.headlines().getFirst().metric().value()).isEqualTo(2);
        Headline sym = r.headlines().stream().filter(h -> h.label().equals("Knee ROM symmetry")).findFirst().orElseThrow();
        assertThat(sym.metric().key()).endsWith("_rom_limb_symmetry_index");
        assertThat(sym.metric().value()).isCloseTo(100, within(2.0));
        assertThat(sym.definition()).contains("involved (right)");
    }
}
