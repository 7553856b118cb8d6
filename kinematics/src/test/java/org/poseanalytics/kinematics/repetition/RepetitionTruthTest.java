package org.poseanalytics.kinematics.repetition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.Vec3;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.synthetic.BodyPose;
import org.poseanalytics.kinematics.synthetic.SyntheticBody;
import org.poseanalytics.kinematics.synthetic.SyntheticBody.View;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Synthetic movements with known repetitions, through the whole stage (landmarks → angles → repetitions). */
public class RepetitionTruthTest {

    /** A knee-flexion script: piecewise segments, cosine-shaped moves, with a known truth per repetition. */
    public static final class Script {
        final List<double[]> segments = new ArrayList<>(); // {duration, from, to}
        double level;

        public Script(double rest) { level = rest; }

        public Script hold(double s) { segments.add(new double[]{s, level, level}); return this; }

        public Script move(double s, double to) { segments.add(new double[]{s, level, to}); level = to; return this; }

        public double at(double t) {
            for (double[] seg : segments) {
                if (t <= seg[0]) return seg[1] + (seg[2] - seg[1]) * (1 - Math.cos(Math.PI * t / seg[0])) / 2;
                t -= seg[0];
            }
            return level;
        }

        public double duration() { return segments.stream().mapToDouble(s -> s[0]).sum(); }
    }

    /** Squat-like body following the script: knees as scripted, hips 80% of it, trunk leaning 30% of it. */
    static KeypointSeries squats(Script knee, double fps, double noisePx, double gapFrom, double gapTo, long seed) {
        Random rnd = new Random(seed);
        int n = (int) Math.floor(knee.duration() * fps) + 1;
        double[] times = new double[n];
        double[][][] images = new double[n][][], worlds = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = i / fps + (i > 0 && i < n - 1 ? 0.25 / fps * Math.sin(i * 1.7) : 0); // jittered (phone) timestamps
            double k = knee.at(times[i]);
            BodyPose pose = BodyPose.neutral().withKnee(k, k).withHip(0.8 * k, 0.8 * k).withTrunkLean(0.3 * k);
            Vec3[] body = SyntheticBody.grounded(SyntheticBody.build(pose, 0, new Vec3(0, 1, 0)));
            double[][] img = SyntheticBody.image(body, 0, View.SIDE_FACING_RIGHT, 600, 400, 900, 0);
            for (double[] p : img) { p[0] += rnd.nextGaussian() * noisePx; p[1] += rnd.nextGaussian() * noisePx; }
            if (times[i] >= gapFrom && times[i] <= gapTo) continue; // missing stretch: no pose at all
            images[i] = img;
            worlds[i] = SyntheticBody.world(body, 0, View.SIDE_FACING_RIGHT);
        }
        return SyntheticBody.series(times, images, worlds);
    }

    /** Noise-free squats at 30 fps with a gap at 1.0–1.2 s, for the export tests. */
    public static KeypointSeries squatsForExport(Script s) { return squats(s, 30, 0, 1.0, 1.2, 0); }

    private static Script session() {
        return new Script(5)
                .hold(1.0).move(1.0, 95).move(1.0, 5)                 // 1: plain          peak at 2.0 s
                .hold(0.8).move(1.0, 95).hold(1.0).move(1.0, 5)       // 2: pause at bottom (1 s)
                .hold(2.0).move(0.8, 50).move(0.8, 5)                 // 3: partial (half depth)
                .hold(0.8).move(1.0, 95).move(1.0, 5)                 // 4: gap while descending (see test)
                .hold(0.8).move(0.4, 17).move(0.4, 5)                 // wobble: not a repetition
                .hold(1.0);
    }

    @Test
    void countsRomAndTempoWithPausesPartialRepNoiseAndAGap() {
        // Rep 4 descends from 11.2 s to 12.2 s: drop 0.3 s of it.
        KinematicsResult r = new KinematicsStage().analyze(squats(session(), 30, 0.5, 11.5, 11.8, 1), Exercise.SQUAT);
        List<Repetition> reps = r.repetitions();
        reps.forEach(System.out::println);
        assertThat(reps).hasSize(4);
        assertThat(reps).extracting(Repetition::complete).containsExactly(true, true, false, true);
        assertThat(reps.get(2).note()).startsWith("partial");
        double[] romTruth = {90, 90, 45, 90}, peakTimes = {2.0, 4.8, 9.6, 12.2};
        for (int i = 0; i < 4; i++) {
            assertThat(reps.get(i).romDeg()).as("ROM of rep " + (i + 1)).isCloseTo(romTruth[i], within(1.0));
            assertThat(r.metric("left_knee_flexion_3d_rom", i + 1)).as("3D left ROM of rep " + (i + 1)).isCloseTo(romTruth[i], within(1.0));
            assertThat(r.metric("right_knee_flexion_rom", i + 1)).as("2D right ROM of rep " + (i + 1)).isCloseTo(romTruth[i], within(1.0));
        }
        for (int i = 0; i < 4; i++) assertThat(reps.get(i).peakS()).isCloseTo(peakTimes[i], within(0.1));
        Repetition paused = reps.get(1);
        assertThat(paused.eccentricS()).isCloseTo(1.0, within(0.25));
        assertThat(paused.holdS()).isCloseTo(1.0, within(0.3));
        assertThat(paused.concentricS()).isCloseTo(1.0, within(0.25));
        assertThat(reps.get(0).holdS()).isLessThan(0.3);
        assertThat(r.metric("repetition_count")).isEqualTo(4);
        assertThat(r.metric("complete_repetition_count")).isEqualTo(3);
        // Both sides move alike: symmetry index near 0.
        assertThat(r.metric("knee_flexion_3d_rom_symmetry_index")).isCloseTo(0, within(2.0));
    }

    @Test
    void heavyNoiseDoesNotAddOrLoseRepetitions() {
        Script s = new Script(10);
        for (int i = 0; i < 6; i++) s.hold(0.5).move(0.9, 70).move(0.9, 10);
        s.hold(0.5);
        KinematicsResult r = new KinematicsStage().analyze(squats(s, 30, 4, -1, -1, 7), Exercise.SQUAT);
        assertThat(r.repetitions()).hasSize(6).allMatch(Repetition::complete);
    }

    @Test
    void rangeThresholdsAreRelativeSoSmallMovementsCountToo() {
        Script s = new Script(2);
        for (int i = 0; i < 5; i++) s.hold(0.6).move(1.0, 27).move(1.0, 2); // a 25° patient range
        s.hold(0.6);
        KinematicsResult r = new KinematicsStage().analyze(squats(s, 25, 0.3, -1, -1, 3), Exercise.SQUAT);
        assertThat(r.repetitions()).hasSize(5);
        for (Repetition rep : r.repetitions()) assertThat(rep.romDeg()).isCloseTo(25, within(1.0));
    }

    @Test
    void sitToStandCountsFromTheSeatedRest() {
        // Seated at 90°, stand to 5°, sit again: the rep moves the knee angle down.
        Script s = new Script(90);
        for (int i = 0; i < 5; i++) s.hold(0.7).move(1.2, 5).hold(0.3).move(1.2, 90);
        s.hold(0.7);
        KinematicsResult r = new KinematicsStage().analyze(squats(s, 30, 0.5, -1, -1, 5), Exercise.SIT_TO_STAND);
        assertThat(r.repetitions()).hasSize(5).allMatch(Repetition::complete);
        assertThat(r.repetitions().getFirst().peakDeg()).isCloseTo(5, within(1.0));
        // Standing up comes first and is concentric.
        assertThat(r.repetitions().getFirst().concentricS()).isCloseTo(1.2, within(0.3));
        assertThat(r.metric("left_knee_flexion_peak", 1)).isCloseTo(5, within(1.0));
        KinematicsResult guessed = new KinematicsStage().analyze(squats(s, 30, 0.5, -1, -1, 5), null);
        assertThat(guessed.exercise().exercise()).isEqualTo(Exercise.SIT_TO_STAND);
    }

    @Test
    void videoStartingMidRepetitionIsIncompleteNotLost() {
        Script s = new Script(80).move(1.0, 5).hold(0.8).move(1.0, 90).move(1.0, 5).hold(0.8);
        KinematicsResult r = new KinematicsStage().analyze(squats(s, 30, 0.3, -1, -1, 9), Exercise.SQUAT);
        assertThat(r.repetitions()).hasSize(2);
        assertThat(r.repetitions().get(0).complete()).isFalse();
        assertThat(r.repetitions().get(1).complete()).isTrue();
    }

    @Test
    void noMovementNoRepetitions() {
        KinematicsResult r = new KinematicsStage().analyze(squats(new Script(8).hold(5), 30, 1.0, -1, -1, 11), Exercise.SQUAT);
        assertThat(r.repetitions()).isEmpty();
        assertThat(r.metric("repetition_count")).isZero();
    }
}
