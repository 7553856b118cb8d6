package org.poseanalytics.kinematics.scale;

import java.util.List;
import java.util.Locale;
import org.poseanalytics.kinematics.rating.Rating;

/**
 * The scale an analysis used, stated in every output (summary.json {@code scale}, the metric units): where it came
 * from, metres per pixel of the displayed frame (NaN without a scale), the spec it was found from, one line saying
 * how it was found (e.g. "standing height 412 px: median over 83 upright frames"), its quality and warnings (e.g. the
 * movement plane far from the reference's). A scale is only right in the plane it was measured in: docs/SCALE.md.
 */
public record Scale(Source source, double metresPerPx, ScaleSpec spec, String method, Rating rating, List<String> warnings) {

    /** Where a scale came from, as summary.json and the database write it. */
    public enum Source {
        LINE("line"), SUBJECT_HEIGHT("subject_height"), NONE("none");

        private final String id;

        Source(String id) { this.id = id; }

        public String id() { return id; }

        public static Source parse(String id) {
            for (Source s : values()) if (s.id.equalsIgnoreCase(id.trim())) return s;
            throw new IllegalArgumentException("unknown scale source '" + id + "' (line, subject_height or none)");
        }
    }

    public Scale {
        if (source == null) throw new IllegalArgumentException("a scale needs a source");
        if (spec == null) spec = new ScaleSpec.None();
        if (method == null) method = "";
        if (rating == null) rating = Rating.VALID;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (source == Source.NONE) metresPerPx = Double.NaN;
        else if (!(metresPerPx > 0) || !Double.isFinite(metresPerPx))
            throw new IllegalArgumentException("a " + source.id() + " scale needs a positive number of metres per pixel, got " + metresPerPx);
    }

    /** No scale: figures stay in pixels. */
    public static Scale none() { return new Scale(Source.NONE, Double.NaN, new ScaleSpec.None(), "no scale given: distances in pixels", Rating.VALID, List.of()); }

    /** No scale, for a reason the user should read (e.g. the subject's height could not be measured). */
    public static Scale none(String warning) {
        return new Scale(Source.NONE, Double.NaN, new ScaleSpec.None(), "no scale: " + warning, Rating.VALID, List.of(warning));
    }

    /** From a reference line: its pixel length and real length. */
    public static Scale of(ScaleSpec.Line line) {
        return new Scale(Source.LINE, line.metresPerPx(), line,
                String.format(Locale.ROOT, "reference line %.1f px = %s m", line.lengthPx(), line.metres()), Rating.VALID, List.of());
    }

    /** Whether distances can be given in metres. */
    public boolean known() { return source != Source.NONE; }

    /** Pixels to metres; NaN without a scale. */
    public double metres(double px) { return px * metresPerPx; }

    /** The distance unit figures are given in: "m" with a scale, "px" without. */
    public String lengthUnit() { return known() ? "m" : "px"; }

    /** The speed unit: "m/s" with a scale, "px/s" without. */
    public String speedUnit() { return known() ? "m/s" : "px/s"; }

    /** Pixels to the figures' unit: metres with a scale, the pixels themselves without. */
    public double toUnit(double px) { return known() ? px * metresPerPx : px; }

    /** The same scale with one more warning. */
    public Scale withWarning(String warning) {
        var w = new java.util.ArrayList<>(warnings);
        w.add(warning);
        return new Scale(source, metresPerPx, spec, method, rating, w);
    }
}
