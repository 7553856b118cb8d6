package org.poseanalytics.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.VideoPoseSession;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.pose.testing.TestVideos;
import org.poseanalytics.pose.video.DecodedFrame;
import org.poseanalytics.pose.video.FrameLayout;
import org.poseanalytics.pose.video.VideoDecoder;
import org.poseanalytics.pose.video.VideoSource;

/**
 * BlazePose full against MediaPipe's reference output on the squat fixture (65 frames × 33 landmarks, x/y px).
 * The reference was made with timestamps 33.333 ms apart whatever the file says, so the same are fed here.
 * Upstream's own tolerance is 30 px; this asserts the tighter target (mean ≤ 5 px, p95 ≤ 15 px). The estimator is
 * opened as the CLI and the web app open it (following several people), so this also checks that the multi-person
 * video mode changes nothing for one person.
 */
class BlazePoseConformanceTest {
    /** Both ways frames reach the model: RGB (photos, the earlier video path) and the decoder's YUV planes (videos). */
    @ParameterizedTest
    @EnumSource(FrameLayout.class)
    void matchesMediaPipeOnTheSquatVideo(FrameLayout layout) throws Exception {
        double[][][] ref = TestVideos.squatReference();
        List<Double> errors = new ArrayList<>();
        int frames = 0;
        long detectorCalls;
        try (BlazePoseEstimator estimator = BlazePoseEstimator.open(BlazePoseVariant.FULL, 2);
             VideoDecoder decoder = VideoSource.of(Fixtures.squatVideo()).displayed(layout, 1)) {
            VideoPoseSession session = estimator.openVideo();
            DecodedFrame frame;
            while ((frame = decoder.next()) != null) {
                List<PersonPose> persons = session.next(frame.picture(), frame.index() / 30.0);
                // The session follows up to four people (the default): on this one-person video the periodic
                // detector must find no second (ghost) person on any frame.
                assertThat(persons).as("people reported on frame %d of a one-person video", frame.index()).hasSize(1);
                PersonPose p = persons.get(0);
                for (int k = 0; k < 33; k++) {
                    Keypoint kp = p.keypoint(k);
                    double[] r = ref[(int) frame.index()][k];
                    errors.add(Math.hypot(kp.x() - r[0], kp.y() - r[1]));
                }
                decoder.release(frame);
                frames++;
            }
            detectorCalls = session.timings().stage("detect").calls();
        }
        // The ghost check above means something only if the detector did look again while the person was followed.
        assertThat(detectorCalls).as("detector calls (periodic look for people walking in)").isGreaterThan(1);
        assertThat(frames).isEqualTo(ref.length);
        Collections.sort(errors);
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double p95 = errors.get((int) Math.ceil(errors.size() * 0.95) - 1);
        double max = errors.get(errors.size() - 1);
        System.out.printf("BlazePose full vs MediaPipe reference (%s frames): mean %.2f px, p95 %.2f px, max %.2f px over %d points"
                + " (detector calls: %d)%n", layout, mean, p95, max, errors.size(), detectorCalls);
        assertThat(max).as("max error px").isLessThan(30);
        assertThat(mean).as("mean error px").isLessThanOrEqualTo(5);
        assertThat(p95).as("p95 error px").isLessThanOrEqualTo(15);
    }

    /**
     * The world (3D, metres) landmarks against MediaPipe's on the same frames: what every 3D angle is computed from.
     * They agree less well than the image landmarks (5.3 cm on average from the shoulders down, 3–8 cm per landmark, the
     * feet the least), and the 3D knee flexion made from them reads ~9° less at the bottom of the squat than the
     * reference's (97.1° against 106.1° at the deepest). Why is not known: the decoding, rotation and smoothing follow MediaPipe's, the image landmarks agree
     * within 4.4 px, so most likely the reference was made with another release of the model (docs/BENCHMARKS.md,
     * "World landmarks against MediaPipe's"). This bounds the agreement so a fault in the world path shows: a wrong
     * tensor, rotation or scale is off by tens of centimetres.
     */
    @org.junit.jupiter.api.Test
    void worldLandmarksAgreeWithMediaPipeWithinCentimetres() throws Exception {
        double[][][] ref = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(java.nio.file.Files.readString(Fixtures.squatReference3d()), double[][][].class);
        double[] sum = new double[33];
        double kneeOurs = 0, kneeRef = 0;
        int frames = 0;
        try (BlazePoseEstimator estimator = BlazePoseEstimator.open(BlazePoseVariant.FULL, 2);
             VideoDecoder decoder = VideoSource.of(Fixtures.squatVideo()).displayed(FrameLayout.YUV420, 1)) {
            VideoPoseSession session = estimator.openVideo();
            DecodedFrame frame;
            while ((frame = decoder.next()) != null) {
                PersonPose p = session.next(frame.picture(), frame.index() / 30.0).get(0);
                double[][] r = ref[(int) frame.index()];
                double[][] w = new double[33][];
                for (int k = 0; k < 33; k++) {
                    w[k] = new double[] {p.world().get(k).x(), p.world().get(k).y(), p.world().get(k).z()};
                    sum[k] += Math.sqrt(Math.pow(w[k][0] - r[k][0], 2) + Math.pow(w[k][1] - r[k][1], 2) + Math.pow(w[k][2] - r[k][2], 2));
                }
                kneeOurs = Math.max(kneeOurs, flexion(w[23], w[25], w[27]));
                kneeRef = Math.max(kneeRef, flexion(r[23], r[25], r[27]));
                decoder.release(frame);
                frames++;
            }
        }
        double all = 0, worst = 0;
        for (int k = 11; k < 33; k++) {
            all += sum[k] / frames / 22;
            worst = Math.max(worst, sum[k] / frames);
        }
        System.out.printf("BlazePose full world landmarks vs MediaPipe reference: body mean %.1f cm, worst landmark %.1f cm;"
                + " deepest left knee flexion %.1f° against %.1f°%n", 100 * all, 100 * worst, kneeOurs, kneeRef);
        assertThat(all).as("mean distance, shoulders to feet (m)").isLessThan(0.07);
        assertThat(worst).as("worst landmark's mean distance (m)").isLessThan(0.10);
        assertThat(kneeOurs).as("deepest 3D left knee flexion (°)").isBetween(kneeRef - 15, kneeRef + 5);
    }

    /** 180° minus the angle at {@code b} between a and c: knee flexion from hip, knee, ankle. */
    private static double flexion(double[] a, double[] b, double[] c) {
        double[] u = {a[0] - b[0], a[1] - b[1], a[2] - b[2]}, v = {c[0] - b[0], c[1] - b[1], c[2] - b[2]};
        double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        return 180 - Math.toDegrees(Math.acos(dot / Math.sqrt((u[0] * u[0] + u[1] * u[1] + u[2] * u[2]) * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]))));
    }
}
