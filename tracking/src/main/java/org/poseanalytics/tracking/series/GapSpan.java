package org.poseanalytics.tracking.series;

/** A stretch where a landmark stayed unknown after gap filling (too long to interpolate honestly). */
public record GapSpan(String landmark, long startFrame, long endFrame, double startS, double endS) {
    public double durationS() { return endS - startS; }
}
