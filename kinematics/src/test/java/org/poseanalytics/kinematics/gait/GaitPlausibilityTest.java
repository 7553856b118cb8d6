package org.poseanalytics.kinematics.gait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;

/**
 * Gait figures are timed on the heel strikes the detector found; when those cannot be a walk's, no figure timed on them
 * is shown as a measurement. Tried as a user: a squat drifting across the picture gave "cadence 34.9, step time 0.14 s,
 * step-time symmetry 183 %", all rated valid; a small walker at 10 fps gave a cadence of 24 steps/min.
 */
class GaitPlausibilityTest {

    @Test
    void aWalksStrikesAlternateAndItsFiguresStand() {
        List<MetricRecord> m = GaitAnalyzer.metrics(strikes(0.55, "LRLRLRLRLR"), Rating.VALID, Rating.VALID);
        assertThat(metric(m, "cadence", Side.NONE).value()).isCloseTo(109.1, org.assertj.core.api.Assertions.within(0.1));
        assertThat(m).allSatisfy(r -> assertThat(r.quality()).as(r.name()).isEqualTo(Quality.VALID));
    }

    @Test
    void strikesThatDoNotAlternateAreNoWalk() {
        List<MetricRecord> m = GaitAnalyzer.metrics(strikes(0.8, "LLRRLLLRRR"), Rating.VALID, Rating.VALID);
        for (String name : List.of("cadence", "step_time", "heel_strike_count")) {
            MetricRecord r = metric(m, name, Side.NONE);
            assertThat(r.quality()).as(name).isEqualTo(Quality.INVALID);
            assertThat(r.reason()).contains("alternate left and right only 3 times in 9");
        }
        assertThat(metric(m, "step_time", Side.LEFT).quality()).isEqualTo(Quality.INVALID);
    }

    @Test
    void aCadenceNoOneWalksAtIsNoMeasurement() {
        List<MetricRecord> slow = GaitAnalyzer.metrics(strikes(2.5, "LRLRLR"), Rating.VALID, Rating.VALID);
        assertThat(metric(slow, "cadence", Side.NONE).quality()).isEqualTo(Quality.INVALID);
        assertThat(metric(slow, "cadence", Side.NONE).reason()).startsWith("24 steps/min is outside human walking and running");
        assertThat(metric(slow, "step_time", Side.RIGHT).quality()).isEqualTo(Quality.INVALID);
        // A very slow pathological gait (40 steps/min) is still a walk.
        assertThat(metric(GaitAnalyzer.metrics(strikes(1.5, "LRLRLR"), Rating.VALID, Rating.VALID), "cadence", Side.NONE).quality())
                .isEqualTo(Quality.VALID);
    }

    @Test
    void oneImpossibleStepIsEnoughToDoubtThemAll() {
        // Strikes at 1.0, 4.3 and 4.44 s: a cadence of 35 steps/min, made of a 3.3 s step and a 0.14 s one.
        List<GaitEvent> e = List.of(new GaitEvent(GaitEvent.Type.HEEL_STRIKE, Side.LEFT, 1.0, 30),
                new GaitEvent(GaitEvent.Type.HEEL_STRIKE, Side.RIGHT, 4.3, 129), new GaitEvent(GaitEvent.Type.HEEL_STRIKE, Side.LEFT, 4.44, 133));
        List<MetricRecord> m = GaitAnalyzer.metrics(e, Rating.VALID, Rating.VALID);
        assertThat(m).allSatisfy(r -> assertThat(r.quality()).as(r.name()).isEqualTo(Quality.INVALID));
        assertThat(metric(m, "cadence", Side.NONE).reason()).startsWith("a step of 3.30 s at 4.3 s is outside human walking");
    }

    /** Heel strikes every {@code stepS} seconds on the feet given (L or R), each followed by a toe-off 60 % of a stride on. */
    private static List<GaitEvent> strikes(double stepS, String feet) {
        List<GaitEvent> e = new ArrayList<>();
        for (int i = 0; i < feet.length(); i++) {
            Side side = feet.charAt(i) == 'L' ? Side.LEFT : Side.RIGHT;
            double t = 1 + i * stepS;
            e.add(new GaitEvent(GaitEvent.Type.HEEL_STRIKE, side, t, Math.round(t * 30)));
            e.add(new GaitEvent(GaitEvent.Type.TOE_OFF, side, t + 1.2 * stepS, Math.round((t + 1.2 * stepS) * 30)));
        }
        e.sort(java.util.Comparator.comparingDouble(GaitEvent::timeS));
        return e;
    }

    private static MetricRecord metric(List<MetricRecord> m, String name, Side side) {
        return m.stream().filter(r -> r.name().equals(name) && r.side() == side).findFirst().orElseThrow(() -> new AssertionError(name + " missing"));
    }
}
