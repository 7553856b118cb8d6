package org.poseanalytics.kinematics.angle;

/**
 * The physiological limits of one angle as this project measures it: the normative range of motion (AAOS; Norkin &
 * White; Soucie et al. 2011) widened by a stated margin for hypermobile people, for what our definition adds (an
 * angle against the trunk includes spinal motion) and for the measurement's own error. A value outside is not a
 * body's posture but a tracking or projection failure: the sample is invalid. docs/ANGLES.md carries the table with
 * its sources; keep the two in step.
 *
 * @param minDeg     lowest plausible value
 * @param maxDeg     highest plausible value
 * @param normative  the normative range the limits come from, in words with its source
 */
public record Limits(double minDeg, double maxDeg, String normative) {

    public Limits {
        if (!(maxDeg > minDeg)) throw new IllegalArgumentException("limits need min < max, got " + minDeg + ".." + maxDeg);
    }

    public boolean contains(double deg) { return deg >= minDeg && deg <= maxDeg; }
}
