package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;

/**
 * angles.csv: {@code frame,time_s,} then every angle column (…_deg image plane, …_3d_deg world), then every
 * angular velocity (…_deg_per_s). A gap is an empty cell, so spreadsheets and pandas read it as missing.
 */
public final class AnglesCsv {
    private AnglesCsv() {}

    public static void write(AngleTable table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) { write(table, w); }
    }

    public static void write(AngleTable table, Writer w) throws IOException {
        StringBuilder header = new StringBuilder("frame,time_s");
        for (AngleSeries s : table.series()) header.append(',').append(s.column());
        for (AngleSeries s : table.series()) header.append(',').append(s.velocityColumn());
        w.write(header.append('\n').toString());
        for (int i = 0; i < table.length(); i++) {
            StringBuilder row = new StringBuilder().append(table.frames()[i]).append(',').append(String.format(Locale.ROOT, "%.6f", table.timesS()[i]));
            for (AngleSeries s : table.series()) row.append(',').append(number(s.valueDeg(i), "%.3f"));
            for (AngleSeries s : table.series()) row.append(',').append(number(s.velocityDegPerS(i), "%.2f"));
            w.write(row.append('\n').toString());
        }
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
    }
}
