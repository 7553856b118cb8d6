package org.poseanalytics.kinematics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.tracking.series.KeypointSeries;
import tools.jackson.databind.json.JsonMapper;

/** The real squat video's reference landmarks (MediaPipe BlazePose full): 65 frames at 30 fps, seen from the front. */
class SquatFixtureTest {

    static KeypointSeries squat() throws IOException {
        double[][][] px = read(Fixtures.squatReference2d()), world = read(Fixtures.squatReference3d());
        int n = px.length;
        long[] frames = new long[n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; times[i] = i / 30.0; }
        KeypointSeries s = KeypointSeries.empty(Skeleton.BLAZEPOSE_33, frames, times, true, "reference");
        for (int i = 0; i < n; i++)
            for (int k = 0; k < 33; k++) {
                s.x().set(k, i, (float) px[i][k][0]);
                s.y().set(k, i, (float) px[i][k][1]);
                s.z().set(k, i, (float) px[i][k][2]);
                s.visibility().set(k, i, 1);
                s.worldX().set(k, i, (float) world[i][k][0]);
                s.worldY().set(k, i, (float) world[i][k][1]);
                s.worldZ().set(k, i, (float) world[i][k][2]);
            }
        return s;
    }

    private static double[][][] read(Path file) {
        return JsonMapper.builder().build().readValue(file.toFile(), double[][][].class);
    }

    @Test
    void threeSquatsTheLastCutOffWhileRising() throws IOException {
        KinematicsResult r = new KinematicsStage().analyze(squat(), Exercise.SQUAT);
        List<Repetition> reps = r.repetitions();
        for (Repetition rep : reps)
            System.out.printf("rep %d %.2f-%.2f-%.2f s complete=%s rom=%.1f peak=%.1f ecc=%.2f hold=%.2f con=%.2f | 2D L %.1f R %.1f | 3D L %.1f R %.1f%n",
                    rep.index(), rep.startS(), rep.peakS(), rep.endS(), rep.complete(), rep.romDeg(), rep.peakDeg(), rep.eccentricS(), rep.holdS(), rep.concentricS(),
                    r.metric("left_knee_flexion_peak", rep.index()), r.metric("right_knee_flexion_peak", rep.index()),
                    r.metric("left_knee_flexion_3d_peak", rep.index()), r.metric("right_knee_flexion_3d_peak", rep.index()));
        assertThat(reps).hasSize(3);
        assertThat(reps.get(0).complete()).isTrue();
        assertThat(reps.get(1).complete()).isTrue();
        assertThat(reps.get(2).complete()).isFalse();
        assertThat(reps.get(2).note()).contains("ends");
        assertThat(r.metric("repetition_count")).isEqualTo(3);
        assertThat(r.metric("complete_repetition_count")).isEqualTo(2);
        for (int rep = 1; rep <= 2; rep++)
            for (String side : new String[]{"left", "right"}) {
                double flat = r.metric(side + "_knee_flexion_peak", rep), deep = r.metric(side + "_knee_flexion_3d_peak", rep);
                // Facing the camera, knee flexion's (sagittal) plane is seen edge-on: the 2D value is flagged, not a
                // number; the 3D one is a measurement.
                assertThat(flat).as(side + " 2D peak, rep " + rep).isNaN();
                assertThat(deep).as(side + " 3D peak, rep " + rep).isBetween(90.0, 130.0);
            }
        // Repetitions are in order, do not overlap, and start/peak/end are ordered.
        for (int i = 0; i < reps.size(); i++) {
            Repetition rep = reps.get(i);
            assertThat(rep.startS()).isLessThan(rep.peakS());
            assertThat(rep.peakS()).isLessThanOrEqualTo(rep.endS());
            if (i > 0) assertThat(rep.startS()).isGreaterThanOrEqualTo(reps.get(i - 1).endS());
        }
    }

    @Test
    void withoutAnExerciseTheSquatIsGuessed() throws IOException {
        KinematicsResult r = new KinematicsStage().analyze(squat(), null);
        System.out.println("guessed " + r.exercise());
        assertThat(r.exercise().guessed()).isTrue();
        assertThat(r.exercise().exercise()).isEqualTo(Exercise.SQUAT);
        assertThat(r.repetitions()).hasSize(3);
    }
}
