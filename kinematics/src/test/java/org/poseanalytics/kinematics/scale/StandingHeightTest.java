package org.poseanalytics.kinematics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Subject-height scaling on synthetic skeletons filmed at a known pixels-per-metre. The synthetic body's eyes stand
 * 1.70 m above its soles; by Drillis &amp; Contini's proportions (eye height 0.936 of stature) its stature is
 * 1.70 / 0.936 = 1.816 m, the height a user would type. It squats for most of the video (those frames must not count),
 * stands upright in a few, and the keypoints carry pixel noise.
 */
class StandingHeightTest {
    static final double EYES_M = 1.70, STATURE_M = EYES_M / 0.936;

    static KeypointSeries squatter(View view, double pxPerM, int uprightFrames, double trunkLean, long seed) {
        Random rnd = new Random(seed);
        int n = 90;
        double[] times = new double[n];
        double[][][] images = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / 30.0;
            boolean upright = i < uprightFrames;
            double knee = upright ? 3 : 40 + 50 * Math.sin(Math.PI * (i - uprightFrames) / (n - uprightFrames));
            BodyPose pose = BodyPose.neutral().withKnee(knee, knee).withHip(upright ? 2 : 0.9 * knee, upright ? 2 : 0.9 * knee)
                    .withTrunkLean(upright ? trunkLean : 30);
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(pose, 0, new Vec3(0, 1, 0)));
            double[][] img = SyntheticBody.image(body, 0, view, pxPerM, 640, 950, 0);
            for (double[] p : img) { p[0] += rnd.nextGaussian() * 1.0; p[1] += rnd.nextGaussian() * 1.0; }
            images[i] = img;
        }
        return SyntheticBody.series(times, images, null);
    }

    @ParameterizedTest
    @CsvSource({"SIDE_FACING_RIGHT, 400, 20", "FRONT, 400, 20", "SIDE_FACING_LEFT, 250, 8", "BACK, 520, 30"})
    void theStandingHeightGivesTheScaleWithinTwoPercent(View view, double pxPerM, int upright) {
        KeypointSeries s = squatter(view, pxPerM, upright, 0, 7);
        Scale scale = ScaleFinder.find(new ScaleSpec.SubjectHeight(STATURE_M), s, 1280, 1000);
        double truth = 1 / pxPerM;
        double error = scale.metresPerPx() / truth - 1;
        System.out.printf("[measured] subject-height scale, synthetic body, %s at %.0f px/m, %d upright frames of 90: %.5f m/px (truth %.5f), error %+.2f %%; %s%n",
                view, pxPerM, upright, scale.metresPerPx(), truth, 100 * error, scale.method());
        assertThat(scale.source()).isEqualTo(Scale.Source.SUBJECT_HEIGHT);
        assertThat(Math.abs(error)).isLessThan(0.02);
        assertThat(scale.method()).startsWith("standing height").contains("median over " + upright + " upright frames of 90");
        assertThat(scale.rating().quality()).isEqualTo(Quality.VALID);
    }

    @Test
    void squatsAloneGiveNoHeightAndSaySo() {
        KeypointSeries s = squatter(View.SIDE_FACING_RIGHT, 400, 0, 0, 1);
        Scale scale = ScaleFinder.find(new ScaleSpec.SubjectHeight(1.8), s, 1280, 1000);
        assertThat(scale.known()).isFalse();
        assertThat(scale.warnings()).singleElement().asString().contains("never seen standing upright");
    }

    @Test
    void aLeaningTrunkIsNotUpright() {
        KeypointSeries s = squatter(View.SIDE_FACING_RIGHT, 400, 20, 25, 1);
        assertThat(StandingHeight.measure(s)).isNull();
    }

    @Test
    void fewUprightFramesLowerTheScalesQuality() {
        Scale scale = ScaleFinder.find(new ScaleSpec.SubjectHeight(STATURE_M), squatter(View.FRONT, 400, 3, 0, 2), 1280, 1000);
        assertThat(scale.rating().quality()).isEqualTo(Quality.LOW);
        assertThat(scale.rating().reason()).isEqualTo("the subject stood upright in only 3 frames");
    }

    @Test
    void aLineFarFromTheSubjectsPlaneIsWarnedAbout() {
        KeypointSeries s = squatter(View.SIDE_FACING_RIGHT, 400, 20, 0, 3);
        // A 1 m line drawn 200 px long (the floor far behind the subject, who is at 400 px/m): the subject comes out 3.6 m tall.
        Scale far = ScaleFinder.find(new ScaleSpec.Line(100, 980, 300, 980, 1.0), s, 1280, 1000);
        assertThat(far.warnings()).singleElement().asString().contains("makes the subject 3.6").contains("plane");
        assertThat(far.rating().quality()).isEqualTo(Quality.LOW);
        Scale near = ScaleFinder.find(new ScaleSpec.Line(100, 980, 500, 980, 1.0), s, 1280, 1000);
        assertThat(near.warnings()).isEmpty();
        assertThat(near.rating().quality()).isEqualTo(Quality.VALID);
    }
}
