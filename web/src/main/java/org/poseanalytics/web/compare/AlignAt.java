package org.poseanalytics.web.compare;

import org.poseanalytics.web.analysis.VideoAnalysis;

/** The moment two videos are lined up at. */
public enum AlignAt {
    FIRST_REP_START("Start of the first repetition"),
    FIRST_REP_PEAK("Deepest point of the first repetition"),
    VIDEO_START("Start of the video");

    private final String label;

    AlignAt(String label) { this.label = label; }

    public String label() { return label; }

    /** The event's time in this analysis' video, in seconds; the video start when it has no repetitions. */
    public double timeIn(VideoAnalysis a) {
        if (this == VIDEO_START || a.repetitions().isEmpty()) return 0;
        return this == FIRST_REP_START ? a.repetitions().getFirst().startS() : a.repetitions().getFirst().peakS();
    }
}
