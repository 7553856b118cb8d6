package org.poseanalytics.kinematics.angle;

import java.util.Locale;

/**
 * The interval an angle is stated on, no wider than one turn and containing the angle's whole physiological range.
 * A one-turn interval is half-open, (low, high]: every direction has exactly one value in it, so a sample is mapped
 * into it on its own and no 360° offset can be carried from one sample to the next. A narrower interval is closed,
 * [low, high]: the angle cannot leave it by construction (the unsigned angle between two segments is 0..180).
 *
 * <p>No movement a body can make crosses the boundary of its angle's interval (the boundary lies outside the
 * physiological limits), so angles need no unwrapping over time.
 */
public record AngleRange(double lowDeg, double highDeg) {

    public AngleRange {
        if (!(highDeg > lowDeg) || highDeg - lowDeg > 360) throw new IllegalArgumentException("an angle range is at most one turn wide, got " + lowDeg + ".." + highDeg);
    }

    /** (−180°, 180°]: the plain atan2 range, for angles whose neutral is 0 and which never pass ±180°. */
    public static final AngleRange SIGNED = new AngleRange(-180, 180);

    /** [0°, 180°]: the unsigned angle between two segments. */
    public static final AngleRange UNSIGNED = new AngleRange(0, 180);

    public boolean fullTurn() { return highDeg - lowDeg == 360; }

    /** The value of {@code deg}'s direction inside this range (whole turns removed); NaN stays NaN. */
    public double wrap(double deg) {
        if (!Double.isFinite(deg) || !fullTurn()) return deg;
        return deg - 360 * Math.ceil((deg - highDeg) / 360);
    }

    public boolean contains(double deg) {
        return fullTurn() ? deg > lowDeg && deg <= highDeg : deg >= lowDeg && deg <= highDeg;
    }

    /** "(−180°, 180°]" or "[0°, 180°]", as docs/ANGLES.md writes it. */
    public String notation() {
        return String.format(Locale.ROOT, "%s%.0f°, %.0f°]", fullTurn() ? "(" : "[", lowDeg, highDeg);
    }
}
