package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OneEuroFilterTest {
    @Test
    void passesTheFirstValueAndHoldsAConstant() {
        OneEuroFilter f = new OneEuroFilter(0.05, 80, 1);
        assertThat(f.apply(5, 0, 1)).isEqualTo(5);
        for (int i = 1; i < 10; i++) assertThat(f.apply(5, i / 30.0, 1)).isCloseTo(5, within(1e-12));
    }

    @Test
    void slowCutoffDampsJitterButSpeedLetsRealMovesThrough() {
        OneEuroFilter jitter = new OneEuroFilter(0.05, 0, 1); // beta 0: a plain low-pass at 0.05 Hz
        jitter.apply(0, 0, 1);
        double afterJitter = jitter.apply(10, 1 / 30.0, 1);
        assertThat(afterJitter).isBetween(0.0, 0.2);

        OneEuroFilter fast = new OneEuroFilter(0.05, 80, 1);
        fast.apply(0, 0, 0.01);
        double afterMove = fast.apply(10, 1 / 30.0, 0.01);
        assertThat(afterMove).isGreaterThan(afterJitter * 5);
    }

    @Test
    void outOfOrderTimestampsPassThrough() {
        OneEuroFilter f = new OneEuroFilter(0.05, 0, 1);
        f.apply(0, 1.0, 1);
        assertThat(f.apply(7, 0.5, 1)).isEqualTo(7);
    }
}
