package org.poseanalytics.kinematics.correction;

/**
 * A clinician's correction of one keypoint on one frame: where it belongs (pixels of the displayed frame), or that it
 * is not visible there (x and y NaN). It reaches {@code windowFrames} frames either side, blended linearly back to the
 * model's output ({@link CorrectedSeries}).
 *
 * @param frame        the video frame number the clinician corrected
 * @param landmark     index in the series' skeleton
 * @param windowFrames frames either side the correction reaches (0: this frame only)
 */
public record KeypointCorrection(long frame, int landmark, double x, double y, int windowFrames) {
    /** The largest window a correction may have: about 2 s at 30 fps; a longer error is a case for analysing again. */
    public static final int MAX_WINDOW = 60;

    public KeypointCorrection {
        if (landmark < 0) throw new IllegalArgumentException("no landmark " + landmark);
        if (windowFrames < 0 || windowFrames > MAX_WINDOW)
            throw new IllegalArgumentException("a correction reaches 0 to " + MAX_WINDOW + " frames either side, not " + windowFrames);
        if (Double.isNaN(x) != Double.isNaN(y)) throw new IllegalArgumentException("a corrected position needs both x and y");
        if (Double.isInfinite(x) || Double.isInfinite(y)) throw new IllegalArgumentException("a corrected position must be finite");
    }

    /** Marks the keypoint as not visible on this frame and the window around it. */
    public static KeypointCorrection hidden(long frame, int landmark, int windowFrames) {
        return new KeypointCorrection(frame, landmark, Double.NaN, Double.NaN, windowFrames);
    }

    public boolean notVisible() { return Double.isNaN(x); }
}
