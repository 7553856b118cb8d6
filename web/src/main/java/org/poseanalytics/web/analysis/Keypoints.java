package org.poseanalytics.web.analysis;

import java.util.Arrays;

/**
 * Keypoints of one person over time, compact: {@code values} is [sample][landmark][x, y, z, visibility] flattened
 * (4 floats per landmark and sample); x and y in pixels of the displayed frame (rotation applied), origin top-left;
 * NaN x/y where the landmark is a gap. Landmark names are on the {@link Analysis}.
 */
public record Keypoints(int landmarkCount, long[] frames, double[] timesS, float[] values) {
    public static final int STRIDE = 4;

    public Keypoints {
        if (frames.length != timesS.length) throw new IllegalArgumentException("frames and times differ in length");
        if (values.length != frames.length * landmarkCount * STRIDE)
            throw new IllegalArgumentException("expected " + frames.length + " × " + landmarkCount + " × 4 values, got " + values.length);
    }

    public int length() { return frames.length; }

    public float x(int sample, int landmark) { return values[(sample * landmarkCount + landmark) * STRIDE]; }
    public float y(int sample, int landmark) { return values[(sample * landmarkCount + landmark) * STRIDE + 1]; }
    public float z(int sample, int landmark) { return values[(sample * landmarkCount + landmark) * STRIDE + 2]; }
    public float visibility(int sample, int landmark) { return values[(sample * landmarkCount + landmark) * STRIDE + 3]; }

    public boolean isGap(int sample, int landmark) { return Float.isNaN(x(sample, landmark)) || Float.isNaN(y(sample, landmark)); }

    /** The sample showing a frame number, or -1 when this person has no sample there. */
    public int sampleOfFrame(long frame) {
        int i = Arrays.binarySearch(frames, frame);
        return i >= 0 ? i : -1;
    }

    /** The last sample at or before a playback time in seconds (for drawing on a playing video), or -1. */
    public int sampleAtTime(double timeS) {
        int i = Arrays.binarySearch(timesS, timeS);
        return i >= 0 ? i : -i - 2;
    }
}
