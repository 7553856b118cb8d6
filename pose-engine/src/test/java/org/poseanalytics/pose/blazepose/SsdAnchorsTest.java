package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {
    @Test
    void makesThe2254AnchorsOfThePoseDetector() {
        float[] c = SsdAnchors.centres();
        assertThat(c.length / 2).isEqualTo(28 * 28 * 2 + 14 * 14 * 2 + 7 * 7 * 6).isEqualTo(2254);
    }

    @Test
    void gridsAreOrderedByLayerRowColumnWithCentresAtCellMiddles() {
        float[] c = SsdAnchors.centres();
        // First two anchors share the first 28×28 cell; the third is the next cell to the right.
        assertThat(c[0]).isCloseTo(0.5f / 28, within(1e-6f));
        assertThat(c[1]).isCloseTo(0.5f / 28, within(1e-6f));
        assertThat(c[2]).isEqualTo(c[0]);
        assertThat(c[4]).isCloseTo(1.5f / 28, within(1e-6f));
        // The 14×14 grid starts after 1568 anchors, the 7×7 grid (6 per cell) after 1960.
        assertThat(c[2 * 1568]).isCloseTo(0.5f / 14, within(1e-6f));
        assertThat(c[2 * 1960]).isCloseTo(0.5f / 7, within(1e-6f));
        assertThat(c[2 * 1965]).isCloseTo(0.5f / 7, within(1e-6f));
        assertThat(c[2 * 1966]).isCloseTo(1.5f / 7, within(1e-6f));
        // The last anchor sits in the bottom-right cell.
        assertThat(c[c.length - 2]).isCloseTo(6.5f / 7, within(1e-6f));
        assertThat(c[c.length - 1]).isCloseTo(6.5f / 7, within(1e-6f));
    }
}
