package org.poseanalytics.kinematics.correction;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A pose model that loses both knees for 0.6 s (pushed forward while the person stands) makes a third squat out of
 * nothing; a clinician drags each knee back on the glitch's middle frame with a window of ±10 frames, and the kinematics
 * stage, run again on the corrected series, counts the two true squats and measures the true knee angle there.
 */
class ReanalysisTest {
    static final int FRAMES = 210, GLITCH_FROM = 160, GLITCH_TO = 178, MIDDLE = 169, WINDOW = 10;
    static final Skeleton SK = Skeleton.BLAZEPOSE_33;
    /** A float32 sample is within half an ulp of the exact value: 6e-5 px below 2048 px. */
    static final double FLOAT_PX = 1e-4;

    @Test
    void draggingTheKneesBackOnOneFrameRemovesAFalseRepetitionAndRestoresTheAngle() {
        KeypointSeries model = SideViewSquats.series(FRAMES, GLITCH_FROM, GLITCH_TO, 80);
        KinematicsInput input = new KinematicsInput(FilteredSeries.asIs(model, 6), Exercise.SQUAT, Side.NONE, 640, 480);
        KinematicsResult before = Reanalysis.run(input, List.of()).kinematics();
        System.out.println("[measured] model's series: " + before.repetitions().size() + " repetitions, left knee at frame " + MIDDLE
                + ": " + knee(before, MIDDLE) + "°");
        assertThat(before.repetitions()).as("the glitch counted as a squat").hasSize(3);
        assertThat(knee(before, MIDDLE)).isGreaterThan(40);

        List<KeypointCorrection> fix = List.of(
                drag(model, "left_knee", SideViewSquats.trueKnee(model, MIDDLE)),
                drag(model, "right_knee", new double[] {SideViewSquats.trueKnee(model, MIDDLE)[0] - 6, SideViewSquats.trueKnee(model, MIDDLE)[1]}));
        Reanalysis.Result after = Reanalysis.run(input, fix);
        System.out.println("[measured] corrected: " + after.kinematics().repetitions().size() + " repetitions, left knee at frame " + MIDDLE
                + ": " + knee(after.kinematics(), MIDDLE) + "°, " + after.corrected().correctedSamples() + " frames corrected");
        assertThat(after.kinematics().repetitions()).as("the two true squats").hasSize(2);
        assertThat(knee(after.kinematics(), MIDDLE)).as("true knee flexion on the corrected frame").isCloseTo(0, within(1.0));
        assertThat(after.corrected().correctedSamples()).isEqualTo(2 * WINDOW + 1);
        assertThat((double) model.x().get(SK.indexOf("left_knee"), MIDDLE)).as("the model's series is untouched")
                .isGreaterThan(SideViewSquats.trueKnee(model, MIDDLE)[0] + 70);
    }

    @Test
    void theOffsetFadesLinearlyOverTheWindowAndKeyframesInterpolate() {
        KeypointSeries model = SideViewSquats.series(FRAMES, 0, 0, 0);
        int knee = SK.indexOf("left_knee");
        double x0 = model.x().get(knee, 100);
        FilteredSeries in = FilteredSeries.asIs(model, 6);
        FilteredSeries one = CorrectedSeries.apply(in, List.of(new KeypointCorrection(100, knee, x0 + 30, model.y().get(knee, 100), 4))).series();
        // weights 1, 0.8, 0.6, 0.4, 0.2, then the model's own; the series holds float32, so a corrected value is the
        // exact sum rounded to float (FLOAT_PX)
        for (int d = 0; d <= 5; d++) {
            assertThat((double) one.series().x().get(knee, 100 + d) - model.x().get(knee, 100 + d)).isCloseTo(30 * Math.max(0, 1 - d / 5.0), within(FLOAT_PX));
            assertThat((double) one.series().x().get(knee, 100 - d) - model.x().get(knee, 100 - d)).isCloseTo(30 * Math.max(0, 1 - d / 5.0), within(FLOAT_PX));
        }
        FilteredSeries two = CorrectedSeries.apply(in, List.of(new KeypointCorrection(100, knee, x0 + 30, model.y().get(knee, 100), 4),
                new KeypointCorrection(106, knee, model.x().get(knee, 106) + 10, model.y().get(knee, 106), 4))).series();
        assertThat((double) two.series().x().get(knee, 103) - model.x().get(knee, 103)).as("halfway between two keyframes").isCloseTo(20, within(FLOAT_PX));

        CorrectedSeries hidden = CorrectedSeries.apply(in, List.of(KeypointCorrection.hidden(50, knee, 2)));
        for (int s = 48; s <= 52; s++) assertThat(hidden.series().isGap(knee, s)).isTrue();
        assertThat(hidden.series().isGap(knee, 47)).isFalse();
        assertThat(hidden.series().isGap(knee, 53)).isFalse();

        assertThatThrownBy(() -> CorrectedSeries.apply(in, List.of(new KeypointCorrection(5000, knee, 1, 1, 0))))
                .hasMessageContaining("frame 5000");
        assertThatThrownBy(() -> new KeypointCorrection(1, knee, 1, 1, 500)).hasMessageContaining("0 to 60 frames");
    }

    private static KeypointCorrection drag(KeypointSeries s, String landmark, double[] to) {
        return new KeypointCorrection(MIDDLE, SK.indexOf(landmark), to[0], to[1], WINDOW);
    }

    private static double knee(KinematicsResult k, int frame) {
        AngleSeries c = k.angles().find(JointAngle.KNEE_FLEXION, Side.LEFT, Dimension.IMAGE_2D).orElseThrow();
        return c.valueDeg(frame);
    }
}
