package org.poseanalytics.kinematics.scale;

import java.util.Locale;

/**
 * How the user tells us what a pixel is in metres (docs/SCALE.md): a reference line of known length drawn on a frame,
 * the subject's standing height, or nothing (figures stay in pixels). Every constructor refuses what cannot be a
 * scale with one line a user understands, so nothing is stored or computed from a bad one.
 */
public sealed interface ScaleSpec permits ScaleSpec.Line, ScaleSpec.SubjectHeight, ScaleSpec.None {

    /** A line shorter than this on the frame gives a scale too coarse to trust (a 1 px click error is over 5 %). */
    double MIN_LINE_PX = 20;
    double MIN_HEIGHT_M = 0.5;
    double MAX_HEIGHT_M = 2.5;

    /** Points outside the displayed frame (width × height pixels) are refused with a clear message; None passes. */
    void validateInFrame(int width, int height);

    /** The scale source this spec asks for. */
    Scale.Source source();

    /**
     * A line from (x1, y1) to (x2, y2) in pixels of the displayed frame (rotation applied, origin top-left) whose real
     * length is {@code metres}, e.g. a 1 m stick on the floor or the 0.45 m plate diameter.
     */
    record Line(double x1, double y1, double x2, double y2, double metres) implements ScaleSpec {
        public Line {
            for (double v : new double[]{x1, y1, x2, y2})
                if (!Double.isFinite(v)) throw new IllegalArgumentException("the scale line's end points must be numbers of pixels");
            if (x1 < 0 || y1 < 0 || x2 < 0 || y2 < 0)
                throw new IllegalArgumentException("the scale line's end points are pixels from the frame's top-left corner and cannot be negative");
            if (!Double.isFinite(metres) || metres <= 0)
                throw new IllegalArgumentException("the scale line's real length must be more than 0 m, got " + number(metres) + " m");
            double px = Math.hypot(x2 - x1, y2 - y1);
            if (px < MIN_LINE_PX)
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the scale line is only %.0f px long; draw it along something at least %.0f px long on the frame (the longer, the more exact)",
                        px, MIN_LINE_PX));
        }

        /** The line's length on the frame in pixels. */
        public double lengthPx() { return Math.hypot(x2 - x1, y2 - y1); }

        /** Metres per pixel along the line. */
        public double metresPerPx() { return metres / lengthPx(); }

        @Override
        public void validateInFrame(int width, int height) {
            if (width <= 0 || height <= 0) return; // frame size unknown: nothing to check against
            if (x1 > width || x2 > width || y1 > height || y2 > height)
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the scale line (%s,%s)–(%s,%s) goes outside the %d×%d px frame; give its end points in pixels of the frame as a player shows it",
                        number(x1), number(y1), number(x2), number(y2), width, height));
        }

        @Override
        public Scale.Source source() { return Scale.Source.LINE; }

        @Override
        public String toString() { return String.format(Locale.ROOT, "%s,%s,%s,%s,%s", number(x1), number(y1), number(x2), number(y2), number(metres)); }
    }

    /** The subject's standing height in metres (0.5–2.5 m), measured from the pose over upright frames. */
    record SubjectHeight(double metres) implements ScaleSpec {
        public SubjectHeight {
            if (!Double.isFinite(metres) || metres < MIN_HEIGHT_M || metres > MAX_HEIGHT_M)
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the subject's height must be between %.1f and %.1f m, got %s m (metres, not centimetres: 1.75, not 175)",
                        MIN_HEIGHT_M, MAX_HEIGHT_M, number(metres)));
        }

        @Override
        public void validateInFrame(int width, int height) {}

        @Override
        public Scale.Source source() { return Scale.Source.SUBJECT_HEIGHT; }
    }

    /** No scale: distances and speeds stay in pixels. */
    record None() implements ScaleSpec {
        @Override
        public void validateInFrame(int width, int height) {}

        @Override
        public Scale.Source source() { return Scale.Source.NONE; }
    }

    /** Parses "X1,Y1,X2,Y2,METRES" (pixels ×4, metres), e.g. "100,900,700,900,1.0"; the message says what was wrong. */
    static Line parseLine(String spec) {
        String usage = "--scale-line needs X1,Y1,X2,Y2,METRES (two end points in pixels of the frame, then the real length in metres), e.g. 100,900,700,900,1.0";
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException(usage + "; got nothing");
        String[] parts = spec.trim().split("\\s*,\\s*", -1);
        if (parts.length != 5) throw new IllegalArgumentException(usage + "; got '" + spec + "' with " + parts.length + " part" + (parts.length == 1 ? "" : "s"));
        String[] names = {"X1", "Y1", "X2", "Y2", "METRES"};
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--scale-line '" + spec + "': " + names[i] + " must be a number, got '" + parts[i] + "'");
            }
        }
        try {
            return new Line(v[0], v[1], v[2], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scale-line '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** Null means no scale. */
    static ScaleSpec orNone(ScaleSpec spec) { return spec == null ? new None() : spec; }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        return String.valueOf(v);
    }
}
