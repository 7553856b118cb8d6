package org.poseanalytics.tracking.point;

import java.util.Locale;

/** A point the user picked: pixel position in the displayed frame at a time in seconds ("X,Y,T" on the command line). */
public record PointSpec(double xPx, double yPx, double timeS) {
    public PointSpec {
        if (!Double.isFinite(xPx) || !Double.isFinite(yPx) || !Double.isFinite(timeS)) {
            throw new IllegalArgumentException("point needs finite x, y and time, got " + xPx + ", " + yPx + ", " + timeS);
        }
        if (xPx < 0 || yPx < 0) throw new IllegalArgumentException("point x and y are pixels from the top-left and cannot be negative, got " + xPx + ", " + yPx);
        if (timeS < 0) throw new IllegalArgumentException("point time is seconds from the start and cannot be negative, got " + timeS);
    }

    /** Parses "X,Y,T" (pixels, pixels, seconds), e.g. "412,633,1.5"; the message says what was wrong. */
    public static PointSpec parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("--track-point needs X,Y,T (pixels, pixels, seconds), e.g. 412,633,1.5; got nothing");
        String[] parts = spec.trim().split("\\s*,\\s*", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--track-point needs exactly three comma-separated numbers X,Y,T (pixels, pixels, seconds), e.g. 412,633,1.5; got '"
                    + spec + "' with " + parts.length + " part" + (parts.length == 1 ? "" : "s"));
        }
        String[] names = {"X", "Y", "T"};
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--track-point '" + spec + "': " + names[i] + " must be a number, got '" + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("--track-point '" + spec + "': " + names[i] + " must be finite, got '" + parts[i] + "'");
        }
        try {
            return new PointSpec(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--track-point '" + spec + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() { return String.format(Locale.ROOT, "%s,%s,%s", xPx, yPx, timeS); }
}
