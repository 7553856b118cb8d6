package org.poseanalytics.web.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.rating.Rating;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's tables read as pandas and R read them (issue 18, item 5): types, missing values, dates, quoting. */
class TableTest {
    static final MetricRecord VALID = MetricRecord.session("knee_flexion_peak", 92.456, "deg", Side.LEFT, Rating.VALID);
    static final MetricRecord INVALID = MetricRecord.session("knee_valgus_peak", 12, "deg", Side.RIGHT, Rating.invalid("frontal-plane angle, from a side view"));
    static final MetricRecord LOW = new MetricRecord("hip_flexion_peak", 80.04, "deg", Side.LEFT, 2, org.poseanalytics.kinematics.quality.Quality.LOW, "=cmd|' /C calc'!A0");

    @Test
    void metricsCsvOpensWithNumbersNaForInvalidAndQuotedReasons() {
        CsvAsPandasReadsIt csv = CsvAsPandasReadsIt.parse(csv(ResultTables.metrics(List.of(VALID, INVALID, LOW))));
        assertThat(csv.header()).containsExactly("repetition", "metric", "side", "key", "value", "unit", "quality", "reason");
        assertThat(csv.numeric("value")).isTrue();
        assertThat(csv.numeric("repetition")).isTrue();
        assertThat(csv.numbers("value").get(0)).isEqualTo(92.456);
        assertThat(csv.numbers("value").get(1)).as("an invalid figure is missing, not a number").isNaN();
        assertThat(csv.column("quality")).containsExactly("valid", "invalid", "low");
        assertThat(csv.column("reason").get(1)).isEqualTo("frontal-plane angle, from a side view");
        assertThat(csv.column("reason").get(2)).as("a formula is defused for spreadsheets").startsWith("'=");
        assertThat(csv.column("repetition")).containsExactly("", "", "2");
        assertThat(csv.column("key")).containsExactly("left_knee_flexion_peak", "right_knee_valgus_peak", "left_hip_flexion_peak");
    }

    @Test
    void jsonRowsHaveTheSameColumnsNullsForMissingAndTypedValues() {
        JsonNode rows = json(ResultTables.metrics(List.of(VALID, INVALID)));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).get("value").isNumber()).isTrue();
        assertThat(rows.get(0).get("value").asDouble()).isEqualTo(92.456);
        assertThat(rows.get(1).get("value").isNull()).isTrue();
        assertThat(rows.get(0).get("repetition").isNull()).isTrue();
        assertThat(rows.get(0).propertyNames()).containsExactly("repetition", "metric", "side", "key", "value", "unit", "quality", "reason");
    }

    @Test
    void datesAreIsoAndBooleansPlain() {
        Table t = Table.of(List.of(Table.Column.date("date"), Table.Column.bool("headline"), Table.Column.number("v", 2), Table.Column.integer("n")))
                .add(LocalDate.of(2026, 3, 1), true, Double.NaN, 3L)
                .add(LocalDate.of(2026, 4, 1), false, 1.005, null);
        CsvAsPandasReadsIt csv = CsvAsPandasReadsIt.parse(csv(t));
        assertThat(csv.column("date")).containsExactly("2026-03-01", "2026-04-01");
        assertThat(csv.column("headline")).containsExactly("true", "false"); // pandas: bool; R read.csv: logical
        assertThat(csv.column("v").get(0)).isEmpty();
        assertThat(csv.column("n")).containsExactly("3", "");
        JsonNode rows = json(t);
        assertThat(rows.get(0).get("date").asString()).isEqualTo("2026-03-01");
        assertThat(rows.get(0).get("headline").isBoolean()).isTrue();
        assertThat(rows.get(0).get("v").isNull()).isTrue();
        assertThat(rows.get(1).get("n").isNull()).isTrue();
    }

    @Test
    void progressCsvOpensAsALongTableWithIsoDatesNumbersAndNaForLeftOutVisits() {
        var trend = new org.poseanalytics.web.progress.MetricTrend("squat", "left_knee_flexion_peak", "Left knee flexion peak", "deg",
                org.poseanalytics.kinematics.view.CameraView.SAGITTAL_LEFT, 1, List.of(
                new org.poseanalytics.web.progress.MetricTrend.Visit(LocalDate.of(2026, 3, 2), 11, 21, VALID, null, null),
                new org.poseanalytics.web.progress.MetricTrend.Visit(LocalDate.of(2026, 4, 6), 12, 22, INVALID, null, null),
                new org.poseanalytics.web.progress.MetricTrend.Visit(LocalDate.of(2026, 5, 4), 13, 23,
                        MetricRecord.session("knee_flexion_peak", 101.25, "deg", Side.LEFT, Rating.VALID), 8.794, 8.794)));
        CsvAsPandasReadsIt csv = CsvAsPandasReadsIt.parse(csv(ResultTables.progress(List.of(trend))));
        assertThat(csv.header()).contains("exercise", "key", "unit", "view", "date", "session_id", "video_id", "value", "quality", "reason",
                "since_first", "since_previous");
        assertThat(csv.column("date")).containsExactly("2026-03-02", "2026-04-06", "2026-05-04"); // parse_dates / as.Date
        for (String numeric : List.of("value", "session_id", "video_id", "since_first", "since_previous")) {
            assertThat(csv.numeric(numeric)).as(numeric).isTrue();
        }
        assertThat(csv.numbers("value").get(1)).as("an invalid visit has no value").isNaN();
        assertThat(csv.column("reason").get(1)).isEqualTo("frontal-plane angle, from a side view");
        assertThat(csv.numbers("since_first").get(2)).isEqualTo(8.794);
        JsonNode rows = json(ResultTables.progress(List.of(trend)));
        assertThat(rows.get(1).get("value").isNull()).isTrue();
        assertThat(rows.get(0).get("date").asString()).isEqualTo("2026-03-02");
        assertThat(rows.get(0).get("session_id").isIntegralNumber()).isTrue();
    }

    static String csv(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeCsv(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static JsonNode json(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeJson(out);
        return JsonMapper.builder().build().readTree(out.toByteArray());
    }
}
