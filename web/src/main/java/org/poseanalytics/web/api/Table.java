package org.poseanalytics.web.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.web.Csv;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result as a table, the one shape every tabular answer of the API has, so that its CSV and its JSON carry the same
 * columns and open directly in pandas ({@code pd.read_csv}, {@code pd.DataFrame(r.json())}) and R ({@code read.csv},
 * {@code jsonlite::fromJSON}): one header line; numbers with a dot and no thousands separator; a missing or invalid
 * value an empty cell in CSV (pandas reads NaN, R NA) and null in JSON; dates ISO 8601 (2026-03-01), times ISO 8601
 * with offset; text quoted per RFC 4180, and a text a spreadsheet would run as a formula defused. The JSON is an array
 * of one object per row, keyed by column ("records" orientation).
 */
record Table(List<Column> columns, List<Object[]> rows) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A column and what it holds: NUMBER (decimals), INTEGER, TEXT, BOOLEAN, DATE, TIME. */
    record Column(String name, Kind kind, int decimals) {
        enum Kind { NUMBER, INTEGER, TEXT, BOOLEAN, DATE, TIME }

        static Column number(String name, int decimals) { return new Column(name, Kind.NUMBER, decimals); }
        static Column integer(String name) { return new Column(name, Kind.INTEGER, 0); }
        static Column text(String name) { return new Column(name, Kind.TEXT, 0); }
        static Column bool(String name) { return new Column(name, Kind.BOOLEAN, 0); }
        static Column date(String name) { return new Column(name, Kind.DATE, 0); }
        static Column time(String name) { return new Column(name, Kind.TIME, 0); }
    }

    Table {
        columns = List.copyOf(columns);
        for (Object[] row : rows) {
            if (row.length != columns.size()) throw new IllegalArgumentException("a row of " + row.length + " cells for " + columns.size() + " columns");
        }
    }

    static Table of(List<Column> columns) { return new Table(columns, new ArrayList<>()); }

    Table add(Object... row) {
        rows.add(row);
        return this;
    }

    void writeCsv(OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(String.join(",", columns.stream().map(c -> Csv.field(c.name())).toList()));
            w.write('\n');
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) w.write(',');
                    w.write(csvCell(columns.get(i), row[i]));
                }
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeJson(OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Object[] row : rows) {
                g.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    Column c = columns.get(i);
                    g.writeName(c.name());
                    jsonCell(g, c, row[i]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static String csvCell(Column c, Object v) {
        if (missing(v)) return "";
        return switch (c.kind()) {
            case NUMBER -> String.format(Locale.ROOT, "%." + c.decimals() + "f", ((Number) v).doubleValue());
            case INTEGER -> String.valueOf(((Number) v).longValue());
            case BOOLEAN -> String.valueOf(v);
            case DATE -> ((LocalDate) v).toString();
            case TIME -> ((OffsetDateTime) v).toString();
            case TEXT -> Csv.text(v.toString());
        };
    }

    private static void jsonCell(JsonGenerator g, Column c, Object v) {
        if (missing(v)) {
            g.writeNull();
            return;
        }
        switch (c.kind()) {
            // rounded as in the CSV, so both say the same
            case NUMBER -> g.writeNumber(new java.math.BigDecimal(String.format(Locale.ROOT, "%." + c.decimals() + "f", ((Number) v).doubleValue())));
            case INTEGER -> g.writeNumber(((Number) v).longValue());
            case BOOLEAN -> g.writeBoolean((Boolean) v);
            case DATE, TIME, TEXT -> g.writeString(v.toString());
        }
    }

    /** Null, NaN and infinities are no value: empty in CSV, null in JSON. */
    private static boolean missing(Object v) {
        return v == null || (v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f));
    }
}
