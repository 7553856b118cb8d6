package org.poseanalytics.kinematics.repetition;

import org.poseanalytics.kinematics.rating.Rating;

/**
 * One repetition of the signal it was found on. Times are seconds on the video's own timestamps.
 *
 * @param index        1-based, in time order
 * @param peakS        the turning point (deepest squat, highest arm)
 * @param romDeg       max − min of the signal's measured (usable) samples between start and end, never more than
 *                     their own peak-to-trough range
 * @param peakDeg      the signal at the turning point
 * @param eccentricS   lengthening phase (lowering into a squat, lowering the arm), excluding the hold
 * @param holdS        time spent within 3% of the session range of the turning point (a pause at the bottom)
 * @param concentricS  shortening phase (rising out of the squat, raising the arm), excluding the hold
 * @param complete     returned to rest and reached at least 75% of the session's typical range
 * @param note         why it is incomplete ("" when complete)
 * @param signal       the column (or combination) the repetition was found on
 * @param rating       the quality of the counting signal's samples within the repetition as they time it (never invalid:
 *                     a repetition on mostly invalid samples is not counted); a 3D depth the model guessed does not lower
 *                     it, for it changes how far the joint moved, not when. {@code romDeg} and {@code peakDeg} are the
 *                     counting angle's, whose per-repetition figures (each side's ROM and peak) carry their own rating
 */
public record Repetition(int index, double startS, double peakS, double endS, long startFrame, long peakFrame, long endFrame,
                         double romDeg, double peakDeg, double minDeg, double maxDeg,
                         double eccentricS, double holdS, double concentricS, boolean complete, String note, String signal,
                         Rating rating) {

    public Repetition {
        if (rating == null) rating = Rating.VALID;
        if (!rating.usable()) throw new IllegalArgumentException("repetition " + index + " on invalid samples: " + rating.reason());
    }

    public double durationS() { return endS - startS; }
}
