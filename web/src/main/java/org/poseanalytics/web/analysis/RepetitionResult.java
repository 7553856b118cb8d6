package org.poseanalytics.web.analysis;

/**
 * One repetition, times in seconds on the video's own timestamps, angles in degrees of the counting signal.
 *
 * @param index    1-based, in time order
 * @param complete returned to rest and reached at least 75% of the session's typical range
 * @param note     why it is incomplete ("" when complete)
 * @param signal   the angle column it was counted on
 */
public record RepetitionResult(int index, double startS, double peakS, double endS, long startFrame, long peakFrame,
                               long endFrame, double romDeg, double peakDeg, double minDeg, double maxDeg,
                               double eccentricS, double holdS, double concentricS, boolean complete, String note,
                               String signal) {

    public double durationS() { return endS - startS; }
}
