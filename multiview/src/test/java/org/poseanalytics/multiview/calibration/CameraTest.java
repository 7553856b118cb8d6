package org.poseanalytics.multiview.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.poseanalytics.multiview.testing.Rigs;

import static org.bytedeco.opencv.global.opencv_calib3d.projectPoints;

class CameraTest {
    private final Camera cam = Rigs.lookAt("a", new double[]{3, -2, 1.4}, new double[]{0, 0, 1}, 1920, 1080, 1500, Rigs.PHONE_DISTORTION);

    @Test
    void projectionMatchesOpenCvProjectPoints() {
        Random rnd = new Random(1);
        double[] pts = new double[3 * 50];
        for (int i = 0; i < pts.length; i++) pts[i] = (i % 3 == 2 ? 1 : 0) + (rnd.nextDouble() - 0.5) * 1.6;
        try (PointerScope s = new PointerScope()) {
            Mat img = new Mat();
            projectPoints(OpenCvMats.of(pts, 50, 3), OpenCvMats.of(cam.rodrigues(), 3, 1), OpenCvMats.of(cam.t(), 3, 1),
                    OpenCvMats.of(cam.k(), 3, 3), OpenCvMats.of(cam.distortion(), 1, 5), img);
            double[] v = OpenCvMats.values(img);
            for (int i = 0; i < 50; i++) {
                double[] p = cam.project(new double[]{pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]});
                assertThat(p[0]).isCloseTo(v[2 * i], within(1e-6));
                assertThat(p[1]).isCloseTo(v[2 * i + 1], within(1e-6));
            }
        }
    }

    @Test
    void iterativeUndistortionAgreesWithOpenCvAndInvertsTheDistortion() {
        double[][] px = new double[200][];
        for (int i = 0; i < px.length; i++) px[i] = new double[]{(i % 20) * 100 + 5, (i / 20) * 110 + 30};
        double[][] cv = OpenCvUndistort.normalised(cam, px);
        for (int i = 0; i < px.length; i++) {
            double[] n = cam.undistort(px[i][0], px[i][1]);
            // compare in pixels: a normalised difference times the focal length
            assertThat(Math.abs(n[0] - cv[i][0]) * cam.fx()).isLessThan(0.01);
            assertThat(Math.abs(n[1] - cv[i][1]) * cam.fy()).isLessThan(0.01);
            double[] d = cam.distort(n[0], n[1]);
            double[] back = cam.toPixel(d[0], d[1]);
            assertThat(back[0]).isCloseTo(px[i][0], within(1e-6));
            assertThat(back[1]).isCloseTo(px[i][1], within(1e-6));
        }
    }

    @Test
    void rodriguesRoundTripsAndCentreIsWhereTheCameraStands() {
        double[] r = Rotations.fromRodrigues(cam.rodrigues());
        for (int i = 0; i < 9; i++) assertThat(r[i]).isCloseTo(cam.r()[i], within(1e-12));
        double[] c = cam.centre();
        assertThat(c).containsExactly(new double[]{3, -2, 1.4}, within(1e-9));
        double[] half = Rotations.about(new double[]{0, 0, 1}, 180);
        assertThat(Rotations.angleBetweenDeg(Rotations.fromRodrigues(Rotations.toRodrigues(half)), half)).isLessThan(1e-6);
    }

    @Test
    void pointsBehindTheCameraDoNotProject() {
        assertThat(cam.project(new double[]{6, -4, 1.8})[0]).isNaN();
    }

    @Test
    void resizingKeepsTheRayOfEachPixelCentre() {
        Camera half = cam.resizedTo(960, 540);
        double[] world = {0.3, 0.2, 1.1};
        double[] p = cam.project(world), q = half.project(world);
        assertThat((q[0] + 0.5) * 2 - 0.5).isCloseTo(p[0], within(1e-9));
        assertThat((q[1] + 0.5) * 2 - 0.5).isCloseTo(p[1], within(1e-9));
    }

    @Test
    void badValuesAreRefusedWithTheCameraName() {
        assertThatThrownBy(() -> new Camera("left", 1920, 1080, new double[]{0, 0, 960, 0, 1000, 540, 0, 0, 1}, null, Rotations.identity(), new double[3]))
                .hasMessageContaining("left").hasMessageContaining("focal");
        assertThatThrownBy(() -> new Camera("left", 1920, 1080, new double[]{1000, 0, 960, 0, 1000, 540, 0, 0, 1}, null,
                new double[]{2, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3])).hasMessageContaining("not a rotation");
    }
}
