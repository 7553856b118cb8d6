package org.poseanalytics.tracking.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void findsTheGlobalMinimumNotTheGreedyOne() {
        // Greedy would take (0,0)=1 then (1,1)=9: total 10. Optimal is (0,1)+(1,0) = 2+2 = 4.
        double[][] cost = {{1, 2}, {2, 9}};
        assertThat(Assignment.solve(cost, 100)).containsExactly(1, 0);
    }

    @Test
    void handlesRectangularMatricesAndGating() {
        double[][] cost = {{0.9, 0.1, 0.5}, {0.2, 0.8, 0.95}};
        assertThat(Assignment.solve(cost, 1)).containsExactly(1, 0);
        double[][] three = {{0.1}, {0.05}, {0.7}};
        assertThat(Assignment.solve(three, 1)).containsExactly(-1, 0, -1);
        // A pair above the gate is never matched, even when it is the only option.
        assertThat(Assignment.solve(new double[][]{{0.9}}, 0.8)).containsExactly(-1);
        assertThat(Assignment.solve(new double[0][0], 1)).isEmpty();
    }
}
