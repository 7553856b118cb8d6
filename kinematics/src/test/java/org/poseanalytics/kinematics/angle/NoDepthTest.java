package org.poseanalytics.kinematics.angle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.SeriesPipeline;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A knee whose 3D position the filter chain rejected (the model's depth guess jumping) keeps its 2D sample, and its 3D
 * angles say why they have no value there: "no 3D position", not "not tracked" (the point was tracked).
 */
class NoDepthTest {

    @Test
    void aRejectedDepthGuessCostsThe3dAngleWithItsOwnReasonAndLeavesThe2dOne() {
        int n = 90;
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / 30.0;
            double k = 40 + 30 * Math.sin(2 * Math.PI * 0.5 * times[i]);
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(BodyPose.neutral().withKnee(k, k).withHip(0.9 * k, 0.9 * k), 0, new Vec3(0, 1, 0)));
            images[i] = SyntheticBody.image(body, 0, View.SIDE_FACING_RIGHT, 500, 360, 1000, 0);
            worlds[i] = SyntheticBody.world(body, 0, View.SIDE_FACING_RIGHT);
        }
        KeypointSeries raw = SyntheticBody.series(times, images, worlds);
        int knee = raw.skeleton().indexOf("left_knee"), at = 45;
        raw.worldZ().set(knee, at, raw.worldZ().get(knee, at) + 0.4f); // one jump of 40 cm toward the camera
        FilteredSeries f = SeriesPipeline.filter(raw, FilterConfig.defaults().withMaxGapS(0)); // the jump left a gap, not bridged

        AngleTable t = JointAngles.compute(f, 0, 0);
        AngleSeries knee3d = t.find("left_knee_flexion_3d_deg").orElseThrow(), knee2d = t.find("left_knee_flexion_deg").orElseThrow();
        int rejected = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(f.series().worldX().get(knee, i))) continue;
            rejected++;
            assertThat(knee3d.issue(i)).as("3D sample %d", i).isEqualTo(SampleIssue.NO_DEPTH);
            assertThat(knee2d.quality(i)).as("2D sample %d", i).isEqualTo(Quality.VALID);
        }
        assertThat(rejected).as("world samples rejected: the jump").isEqualTo(1);
        assertThat(knee3d.issue(at)).isEqualTo(SampleIssue.NO_DEPTH);
        assertThat(knee3d.issue(10)).isEqualTo(SampleIssue.NONE);
    }
}
