package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;

/**
 * OpenSim storage (.mot) of the angles: header {@code name}, {@code version=1}, {@code nRows},
 * {@code nColumns} (time included), {@code inDegrees=yes}, {@code endheader}, then a tab-separated row of
 * labels and one row per frame. Columns keep our names (e.g. left_knee_flexion_3d_deg) so nobody mistakes them
 * for an OpenSim model's coordinates; choose 2D or 3D (OpenSim tools expect one set). Gaps are written as NaN,
 * which OpenSim reads.
 */
public final class MotWriter {
    private MotWriter() {}

    public static void write(AngleTable table, Dimension dimension, String name, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) { write(table, dimension, name, w); }
    }

    public static void write(AngleTable table, Dimension dimension, String name, Writer w) throws IOException {
        var series = table.series().stream().filter(s -> s.dimension() == dimension).toList();
        if (series.isEmpty()) throw new IllegalArgumentException("no " + dimension + " angles to write (3D needs world landmarks)");
        w.write(name + "\n");
        w.write("version=1\n");
        w.write("nRows=" + table.length() + "\n");
        w.write("nColumns=" + (series.size() + 1) + "\n");
        w.write("inDegrees=yes\n");
        w.write("\n");
        w.write("Angles from pose-analytics, " + (dimension == Dimension.WORLD_3D ? "3D from world landmarks" : "2D in the image plane")
                + "; clinical neutral-zero convention (docs/ANGLES.md).\n");
        w.write("endheader\n");
        StringBuilder labels = new StringBuilder("time");
        for (AngleSeries s : series) labels.append('\t').append(s.column());
        w.write(labels.append('\n').toString());
        for (int i = 0; i < table.length(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.6f", table.timesS()[i]));
            for (AngleSeries s : series) {
                double v = s.valueDeg(i);
                row.append('\t').append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "NaN");
            }
            w.write(row.append('\n').toString());
        }
    }
}
