package org.poseanalytics.kinematics.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What a user may give as a scale, and the one-line messages for what cannot be one. */
class ScaleSpecTest {

    @Test
    void aLineGivesMetresPerPixelAlongIt() {
        ScaleSpec.Line line = ScaleSpec.parseLine("100, 900, 700,900,1.5");
        assertThat(line.lengthPx()).isEqualTo(600);
        assertThat(line.metresPerPx()).isCloseTo(0.0025, within(1e-12));
        Scale s = ScaleFinder.find(line, null, 1280, 1000);
        assertThat(s.source()).isEqualTo(Scale.Source.LINE);
        assertThat(s.metresPerPx()).isCloseTo(0.0025, within(1e-12));
        assertThat(s.method()).isEqualTo("reference line 600.0 px = 1.5 m");
        assertThat(s.speedUnit()).isEqualTo("m/s");
        // A diagonal line: its length, not its horizontal extent.
        assertThat(new ScaleSpec.Line(0, 0, 300, 400, 1).metresPerPx()).isCloseTo(1 / 500.0, within(1e-12));
    }

    @Test
    void badLinesAreRefusedWithAReason() {
        assertThatThrownBy(() -> ScaleSpec.parseLine("100,900,700,900,0")).hasMessage(
                "--scale-line '100,900,700,900,0': the scale line's real length must be more than 0 m, got 0 m");
        assertThatThrownBy(() -> ScaleSpec.parseLine("100,900,700,900,-1")).hasMessageContaining("more than 0 m, got -1 m");
        assertThatThrownBy(() -> ScaleSpec.parseLine("100,900,110,905,1")).hasMessageContaining("only 11 px long")
                .hasMessageContaining("at least 20 px");
        assertThatThrownBy(() -> ScaleSpec.parseLine("100,900,700,1")).hasMessageContaining("X1,Y1,X2,Y2,METRES").hasMessageContaining("4 parts");
        assertThatThrownBy(() -> ScaleSpec.parseLine("100,900,abc,900,1")).hasMessage("--scale-line '100,900,abc,900,1': X2 must be a number, got 'abc'");
        assertThatThrownBy(() -> ScaleSpec.parseLine("-5,900,700,900,1")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> ScaleSpec.parseLine("NaN,900,700,900,1")).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> ScaleSpec.parseLine("")).hasMessageContaining("got nothing");
    }

    @Test
    void aLineOutsideTheFrameIsRefused() {
        ScaleSpec.Line line = ScaleSpec.parseLine("100,900,700,900,1");
        line.validateInFrame(720, 1280);
        assertThatThrownBy(() -> line.validateInFrame(1280, 720)).hasMessage(
                "the scale line (100,900)–(700,900) goes outside the 1280×720 px frame; give its end points in pixels of the frame as a player shows it");
        assertThatThrownBy(() -> ScaleFinder.find(line, null, 640, 480)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heightsOutsideHalfAMetreToTwoAndAHalfAreRefused() {
        assertThat(new ScaleSpec.SubjectHeight(1.75).metres()).isEqualTo(1.75);
        for (double h : new double[]{0, -1, 0.49, 2.51, 175, Double.NaN})
            assertThatThrownBy(() -> new ScaleSpec.SubjectHeight(h)).as("%s", h).hasMessageContaining("between 0.5 and 2.5 m");
        assertThatThrownBy(() -> new ScaleSpec.SubjectHeight(175)).hasMessageContaining("got 175 m (metres, not centimetres");
    }

    @Test
    void noScaleKeepsPixels() {
        Scale s = ScaleFinder.find(null, null, 640, 480);
        assertThat(s.known()).isFalse();
        assertThat(s.metresPerPx()).isNaN();
        assertThat(s.source().id()).isEqualTo("none");
        assertThat(s.lengthUnit()).isEqualTo("px");
        assertThat(s.toUnit(12.5)).isEqualTo(12.5);
    }

    @Test
    void aHeightWithoutAPersonGivesNoScaleAndSaysWhy() {
        Scale s = ScaleFinder.find(new ScaleSpec.SubjectHeight(1.8), null, 640, 480);
        assertThat(s.known()).isFalse();
        assertThat(s.warnings()).singleElement().asString().contains("no person found").contains("reference line");
    }
}
