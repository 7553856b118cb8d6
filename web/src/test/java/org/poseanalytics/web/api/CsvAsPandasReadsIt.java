package org.poseanalytics.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads CSV as pandas' {@code read_csv} and R's {@code read.csv} do with their defaults: RFC 4180 fields, the first line
 * the header, an empty cell missing (NaN / NA); a column whose every present cell parses as a number is numeric. The
 * tests use it to show the API's CSV opens without options.
 */
record CsvAsPandasReadsIt(List<String> header, List<List<String>> rows) {
    static CsvAsPandasReadsIt parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(field.toString()); field.setLength(0); }
            else if (c == '\n') { row.add(field.toString()); field.setLength(0); lines.add(row); row = new ArrayList<>(); }
            else if (c != '\r') field.append(c);
        }
        if (!field.isEmpty() || !row.isEmpty()) { row.add(field.toString()); lines.add(row); }
        assertThat(lines).as("a header line").isNotEmpty();
        List<String> header = lines.getFirst();
        assertThat(header).as("unique, non-empty column names").doesNotHaveDuplicates().allMatch(h -> !h.isBlank());
        List<List<String>> rows = lines.subList(1, lines.size());
        assertThat(rows).as("every row as wide as the header").allMatch(r -> r.size() == header.size());
        return new CsvAsPandasReadsIt(header, rows);
    }

    List<String> column(String name) {
        int i = header.indexOf(name);
        assertThat(i).as("column " + name + " in " + header).isNotNegative();
        return rows.stream().map(r -> r.get(i)).toList();
    }

    /** The column as pandas' float64 (NaN for an empty cell): fails if a present cell is no number. */
    List<Double> numbers(String name) {
        return column(name).stream().map(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s)).toList();
    }

    /** Whether pandas would read the column as numbers (every present cell a decimal number with a dot). */
    boolean numeric(String name) {
        return column(name).stream().allMatch(s -> s.isEmpty() || s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"));
    }

    Map<String, String> row(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) m.put(header.get(c), rows.get(i).get(c));
        return m;
    }
}
