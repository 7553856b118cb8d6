package org.poseanalytics.web.analysis;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a drawing measures, against geometry worked out by hand. */
class FrameDrawingTest {
    static FrameDrawing drawing(FrameDrawing.Kind kind, double... xy) {
        List<FrameDrawing.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) points.add(new FrameDrawing.Point(xy[i], xy[i + 1]));
        return new FrameDrawing(1, 1, 1.5, kind, points, "", null, null);
    }

    @Test
    void anAngleIsMeasuredAtItsMiddlePointWhicheverWayItOpens() {
        assertThat(drawing(FrameDrawing.Kind.ANGLE, 100, 300, 300, 300, 300, 100).angleDeg()).isCloseTo(90, within(1e-9));
        assertThat(drawing(FrameDrawing.Kind.ANGLE, 300, 100, 300, 300, 100, 300).angleDeg()).isCloseTo(90, within(1e-9));
        // arms to (-200, 100) and (200, 100): 180° − 2·atan(1/2) = 126.87°
        assertThat(drawing(FrameDrawing.Kind.ANGLE, 100, 400, 300, 300, 500, 400).value(Scale.none())).isEqualTo("126.9°");
        assertThat(drawing(FrameDrawing.Kind.ANGLE, 0, 0, 10, 0, 20, 0).angleDeg()).isCloseTo(180, within(1e-9));
    }

    @Test
    void aDistanceIsInMetresWithAScaleAndInPixelsWithoutOneAndSaysSo() {
        FrameDrawing d = drawing(FrameDrawing.Kind.DISTANCE, 100, 60, 400, 460);
        assertThat(d.lengthPx()).isCloseTo(500, within(1e-9));
        assertThat(d.value(Scale.none())).isEqualTo("500 px (no scale: pixels)");
        assertThat(d.value(null)).isEqualTo("500 px (no scale: pixels)");
        // a 1.00 m line of 400 px: 0.0025 m/px, so 500 px are 1.25 m
        Scale scale = Scale.of(new ScaleSpec.Line(0, 0, 400, 0, 1.0));
        assertThat(d.value(scale)).isEqualTo("1.25 m");
    }

    @Test
    void linesAndTextsMeasureNothing() {
        assertThat(drawing(FrameDrawing.Kind.LINE, 0, 0, 3, 4).value(Scale.none())).isEmpty();
        assertThat(drawing(FrameDrawing.Kind.TEXT, 5, 5).value(Scale.none())).isEmpty();
    }
}
