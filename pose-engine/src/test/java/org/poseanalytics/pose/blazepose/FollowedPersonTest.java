package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The two "same person?" rules of the multi-person video mode, on a synthetic body whose alignment radius (hip
 * centre to full-body scale point) is 200 px: people standing shoulder to shoulder (hips ~100 px apart) must stay
 * two people, the same body seen through two ROIs (a few px apart) must be one.
 */
class FollowedPersonTest {
    private static final double RADIUS = 200;

    @Test
    void theSameBodyThroughAnotherRoiIsTheSamePoseANeighbourIsNot() {
        FollowedPerson p = FollowedPerson.startFrom(body(400, 600, 0, 0), 0);
        assertThat(p.isSamePose(body(400, 600, 6, -4))).isTrue();
        assertThat(p.isSamePose(body(400 + 0.5 * RADIUS, 600, 0, 0))).as("shoulder to shoulder").isFalse();
        assertThat(p.isSamePose(body(400 + 3.6 * RADIUS, 600, 0, 0))).as("the other half of a side-by-side video").isFalse();
    }

    @Test
    void aDetectionOnTheFollowedHipsIsNearOneOnANeighboursHipsIsNot() {
        FollowedPerson p = FollowedPerson.startFrom(body(400, 600, 0, 0), 0);
        assertThat(p.isNear(detectionAt(400 + 0.2 * RADIUS, 600 + 10))).isTrue();
        assertThat(p.isNear(detectionAt(400 + 0.5 * RADIUS, 600))).isFalse();
    }

    @Test
    void theNextRoiComesFromTheSmoothedAuxiliaryPoints() {
        FollowedPerson p = FollowedPerson.startFrom(body(400, 600, 0, 0), 0);
        assertThat(p.roi().centerX()).isEqualTo(400);
        assertThat(p.roi().centerY()).isEqualTo(600);
        assertThat(p.roi().size()).isEqualTo(2 * RADIUS * Roi.SCALE);
    }

    /** Landmarks of a standing body with hips at (cx, cy), every body point moved by (dx, dy). */
    private static Landmarks body(double cx, double cy, double dx, double dy) {
        int n = Landmarks.ALL;
        double[] x = new double[n], y = new double[n], z = new double[n], vis = new double[n], pres = new double[n];
        for (int i = 0; i < Landmarks.BODY; i++) {
            // Spread the points over the body's extent: from the head (above) to the feet (below the hips).
            double u = i / (Landmarks.BODY - 1.0);
            x[i] = cx + (i % 2 == 0 ? -1 : 1) * 0.2 * RADIUS + dx;
            y[i] = cy - RADIUS + 2 * RADIUS * u + dy;
            vis[i] = pres[i] = 1;
        }
        x[Landmarks.AUX_CENTRE] = cx;
        y[Landmarks.AUX_CENTRE] = cy;
        x[Landmarks.AUX_SCALE] = cx;
        y[Landmarks.AUX_SCALE] = cy - RADIUS;
        return new Landmarks(0.9, x, y, z, vis, pres, new double[n * 3], new Roi(cx, cy, 2.5 * RADIUS, 0));
    }

    private static Detection detectionAt(double hipX, double hipY) {
        return new Detection(0.9, hipX - 40, hipY - 300, 80, 80, new double[]{hipX, hipY, hipX, hipY - RADIUS, hipX, hipY - 150, hipX, hipY - 250});
    }
}
