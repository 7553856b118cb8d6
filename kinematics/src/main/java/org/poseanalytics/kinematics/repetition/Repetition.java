package org.poseanalytics.kinematics.repetition;

/**
 * One repetition of the signal it was found on. Times are seconds on the video's own timestamps.
 *
 * @param index        1-based, in time order
 * @param peakS        the turning point (deepest squat, highest arm)
 * @param romDeg       max − min of the signal between start and end
 * @param peakDeg      the signal at the turning point
 * @param eccentricS   lengthening phase (lowering into a squat, lowering the arm), excluding the hold
 * @param holdS        time spent within 3% of the session range of the turning point (a pause at the bottom)
 * @param concentricS  shortening phase (rising out of the squat, raising the arm), excluding the hold
 * @param complete     returned to rest and reached at least 75% of the session's typical range
 * @param note         why it is incomplete ("" when complete)
 * @param signal       the column (or combination) the repetition was found on
 */
public record Repetition(int index, double startS, double peakS, double endS, long startFrame, long peakFrame, long endFrame,
                         double romDeg, double peakDeg, double minDeg, double maxDeg,
                         double eccentricS, double holdS, double concentricS, boolean complete, String note, String signal) {

    public double durationS() { return endS - startS; }
}
