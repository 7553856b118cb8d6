package org.poseanalytics.kinematics.quality;

import java.util.Locale;

/**
 * How far a clinician may trust a number. {@code VALID}: measurable in this recording within the error docs/ANGLES.md
 * states; {@code LOW}: measured, but from a weak view or partly interpolated data, read with care; {@code INVALID}:
 * not a measurement (never shown as a result, never a headline, never counted).
 */
public enum Quality {
    VALID, LOW, INVALID;

    /** "valid", "low" or "invalid", as summary.json, the CSVs and the database write it. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Quality parse(String id) { return valueOf(id.trim().toUpperCase(Locale.ROOT)); }

    public Quality worst(Quality other) { return ordinal() >= other.ordinal() ? this : other; }

    public boolean usable() { return this != INVALID; }
}
