package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.quality.SampleIssue;

/**
 * angle_quality.csv, beside angles.csv (which stays numeric): {@code frame,time_s,} then per angle column of
 * angles.csv a column named like it with {@code _issue} for the unit ({@code left_knee_flexion_3d_issue}), holding
 * why that sample is not fully trusted: {@code none} (valid), {@code interpolated} or {@code oblique_view} (low),
 * {@code edge_on_plane}, {@code hidden}, {@code out_of_frame}, {@code not_tracked}, {@code no_depth},
 * {@code implausible} or {@code side_confusion} (invalid: the angles.csv cell is empty).
 */
public final class AngleQualityCsv {
    private AngleQualityCsv() {}

    /** The column of a series, e.g. left_knee_flexion_3d_issue. */
    public static String column(AngleSeries s) {
        String c = s.column();
        return c.substring(0, c.length() - "_deg".length()) + "_issue";
    }

    /** The cell for an issue, e.g. "edge_on_plane". */
    public static String cell(SampleIssue issue) { return issue.name().toLowerCase(Locale.ROOT); }

    public static void write(AngleTable table, Writer w) throws IOException {
        StringBuilder header = new StringBuilder("frame,time_s");
        for (AngleSeries s : table.series()) header.append(',').append(column(s));
        w.write(header.append('\n').toString());
        for (int i = 0; i < table.length(); i++) {
            StringBuilder row = new StringBuilder().append(table.frames()[i]).append(',').append(String.format(Locale.ROOT, "%.6f", table.timesS()[i]));
            for (AngleSeries s : table.series()) {
                SampleIssue issue = s.issue(i);
                if (issue == SampleIssue.NONE && !Double.isFinite(s.valueDeg(i))) issue = SampleIssue.NOT_TRACKED;
                row.append(',').append(cell(issue));
            }
            w.write(row.append('\n').toString());
        }
    }
}
