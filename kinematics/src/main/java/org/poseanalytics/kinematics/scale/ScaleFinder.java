package org.poseanalytics.kinematics.scale;

import java.util.Locale;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Turns what the user gave ({@link ScaleSpec}) into the {@link Scale} an analysis uses, and warns when the scale is
 * unlikely to hold for the movement: a reference line that makes the subject shorter than {@value #MIN_PLAUSIBLE_M} m
 * or taller than {@value #MAX_PLAUSIBLE_M} m lies in another plane than the subject (nearer to or farther from the
 * camera), and every metre measured in the subject's plane is off by that ratio (docs/SCALE.md).
 */
public final class ScaleFinder {
    static final double MIN_PLAUSIBLE_M = 1.2;
    static final double MAX_PLAUSIBLE_M = 2.2;

    private ScaleFinder() {}

    /**
     * @param subject the analysed subject's filtered series (null when no person was found): a subject height needs it,
     *                and a line is checked against it
     * @param width   the displayed frame's width in pixels (0: unknown, not checked)
     * @throws IllegalArgumentException when a line's points lie outside the frame
     */
    public static Scale find(ScaleSpec spec, KeypointSeries subject, int width, int height) {
        spec = ScaleSpec.orNone(spec);
        spec.validateInFrame(width, height);
        return switch (spec) {
            case ScaleSpec.None n -> Scale.none();
            case ScaleSpec.Line line -> checkedAgainstSubject(Scale.of(line), subject);
            case ScaleSpec.SubjectHeight h -> fromHeight(h, subject);
        };
    }

    static Scale fromHeight(ScaleSpec.SubjectHeight h, KeypointSeries subject) {
        StandingHeight.Measurement m = subject == null ? null : StandingHeight.measure(subject);
        if (m == null) {
            return Scale.none(subject == null
                    ? "no person found, so the subject's height gives no scale; draw a reference line instead"
                    : "the subject was never seen standing upright with eyes and feet in view, so their height gives no scale; draw a reference line instead");
        }
        Rating rating = m.uprightFrames() >= StandingHeight.FEW_FRAMES ? Rating.VALID
                : Rating.low("the subject stood upright in only " + m.uprightFrames() + " frame" + (m.uprightFrames() == 1 ? "" : "s"));
        return new Scale(Scale.Source.SUBJECT_HEIGHT, h.metres() / m.staturePx(), h,
                m.method() + String.format(Locale.ROOT, " = %.2f m", h.metres()), rating, java.util.List.of());
    }

    /** A line's scale, with a warning when it gives the subject an implausible height (the line is in another plane). */
    static Scale checkedAgainstSubject(Scale scale, KeypointSeries subject) {
        StandingHeight.Measurement m = subject == null ? null : StandingHeight.measure(subject);
        if (m == null) return scale;
        double stature = m.staturePx() * scale.metresPerPx();
        if (stature >= MIN_PLAUSIBLE_M && stature <= MAX_PLAUSIBLE_M) return scale;
        String warning = String.format(Locale.ROOT,
                "the reference line's scale makes the subject %.2f m tall: the line is probably nearer to or farther from the camera "
                        + "than the movement, so distances and speeds are off by that ratio; draw it in the plane the subject moves in",
                stature);
        return new Scale(scale.source(), scale.metresPerPx(), scale.spec(), scale.method(),
                Rating.low(String.format(Locale.ROOT, "reference line not in the subject's plane (it makes them %.2f m tall)", stature)),
                java.util.List.of(warning));
    }
}
