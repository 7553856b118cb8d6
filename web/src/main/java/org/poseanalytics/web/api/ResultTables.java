package org.poseanalytics.web.api;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.api.Table.Column;
import org.poseanalytics.web.progress.MetricTrend;

/**
 * The kinematics module's records as the API's tables ({@link Table}): one builder per result, so the CSV and the JSON
 * of each have the same columns. Every number carries its quality: an angle sample its {@code _quality} column, a
 * figure its quality and reason; an invalid value is missing, never a number.
 */
final class ResultTables {
    private ResultTables() {}

    /**
     * frame, time_s, then per angle column (e.g. left_knee_flexion_deg) its value in degrees, its angular velocity
     * ({@code _per_s}, deg/s) and the sample's quality ({@code _quality}: valid, low, invalid).
     */
    static Table angles(AngleTable t) {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("frame"), Column.number("time_s", 6)));
        for (AngleSeries s : t.series()) {
            columns.add(Column.number(s.column(), 3));
            columns.add(Column.number(s.velocityColumn(), 2));
            columns.add(Column.text(s.column() + "_quality"));
        }
        Table table = Table.of(columns);
        for (int i = 0; i < t.length(); i++) {
            Object[] row = new Object[columns.size()];
            row[0] = t.frames()[i];
            row[1] = t.timesS()[i];
            int c = 2;
            for (AngleSeries s : t.series()) {
                row[c++] = s.valueDeg(i);
                row[c++] = s.velocityDegPerS(i);
                row[c++] = s.rated() ? s.quality(i).id() : null;
            }
            table.add(row);
        }
        return table;
    }

    /**
     * One row per figure: session-wide (repetition empty) then per repetition; value in its unit, empty when the figure
     * is invalid or not measurable; quality empty for a figure stored before quality checks, whose reason says so.
     */
    static Table metrics(List<MetricRecord> metrics) {
        Table table = Table.of(List.of(Column.integer("repetition"), Column.text("metric"), Column.text("side"), Column.text("key"),
                Column.number("value", 3), Column.text("unit"), Column.text("quality"), Column.text("reason")));
        for (MetricRecord m : metrics) {
            table.add(m.repetition(), m.name(), m.side().id(), m.key(), m.shownAsNumber() ? m.value() : null, m.unit(),
                    m.quality() == null ? null : m.quality().id(), m.note().isEmpty() ? null : m.note());
        }
        return table;
    }

    static Table repetitions(List<Repetition> repetitions) {
        Table table = Table.of(List.of(Column.integer("repetition"), Column.number("start_s", 3), Column.number("peak_s", 3),
                Column.number("end_s", 3), Column.integer("start_frame"), Column.integer("peak_frame"), Column.integer("end_frame"),
                Column.number("rom_deg", 1), Column.number("peak_deg", 1), Column.number("min_deg", 1), Column.number("max_deg", 1),
                Column.number("eccentric_s", 2), Column.number("hold_s", 2), Column.number("concentric_s", 2),
                Column.bool("complete"), Column.text("note"), Column.text("signal"), Column.text("quality"), Column.text("reason")));
        for (Repetition r : repetitions) {
            table.add(r.index(), r.startS(), r.peakS(), r.endS(), r.startFrame(), r.peakFrame(), r.endFrame(), r.romDeg(), r.peakDeg(),
                    r.minDeg(), r.maxDeg(), r.eccentricS(), r.holdS(), r.concentricS(), r.complete(), blank(r.note()), r.signal(),
                    r.rating().quality().id(), blank(r.rating().reason()));
        }
        return table;
    }

    /**
     * Long form, one row per frame and landmark: image position in pixels (origin top left, y down), visibility 0 to 1,
     * and world coordinates in metres where the model gives them; a landmark not seen has empty positions.
     */
    static Table keypoints(KeypointSeries s) {
        boolean world = s.hasWorld();
        List<Column> columns = new ArrayList<>(List.of(Column.integer("frame"), Column.number("time_s", 6), Column.text("landmark"),
                Column.number("x_px", 2), Column.number("y_px", 2), Column.number("visibility", 3)));
        if (world) columns.addAll(List.of(Column.number("world_x_m", 4), Column.number("world_y_m", 4), Column.number("world_z_m", 4)));
        Table table = Table.of(columns);
        for (int i = 0; i < s.length(); i++) {
            for (int k = 0; k < s.skeleton().size(); k++) {
                boolean gap = s.isGap(k, i);
                Object[] row = new Object[columns.size()];
                row[0] = s.frames()[i];
                row[1] = s.timesS()[i];
                row[2] = s.skeleton().name(k);
                row[3] = gap ? null : s.x().get(k, i);
                row[4] = gap ? null : s.y().get(k, i);
                row[5] = s.visibility().get(k, i);
                if (world) {
                    row[6] = s.worldX().get(k, i);
                    row[7] = s.worldY().get(k, i);
                    row[8] = s.worldZ().get(k, i);
                }
                table.add(row);
            }
        }
        return table;
    }

    /**
     * A subject's trends in long form, one row per figure and visit: like with like is said by exercise, key (side and
     * 2D/3D), unit and view; a visit left out of the trend (invalid) has no value and its reason.
     */
    static Table progress(List<MetricTrend> trends) {
        Table table = Table.of(List.of(Column.text("exercise"), Column.text("key"), Column.text("label"), Column.text("unit"),
                Column.text("view"), Column.bool("headline"), Column.date("date"), Column.integer("session_id"), Column.integer("video_id"),
                Column.number("value", 3), Column.text("quality"), Column.text("reason"), Column.number("since_first", 3),
                Column.number("since_previous", 3)));
        for (MetricTrend t : trends) {
            for (MetricTrend.Visit v : t.visits()) {
                MetricRecord f = v.figure();
                table.add(t.exercise(), t.key(), t.label(), t.unit(), t.view() == null ? null : t.view().id(), t.headline(), v.date(),
                        v.sessionId(), v.videoId(), v.leftOut() ? null : v.value(), f.quality() == null ? null : f.quality().id(),
                        f.note().isEmpty() ? null : f.note(), v.sinceFirst(), v.sincePrevious());
            }
        }
        return table;
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s; }
}
