package org.poseanalytics.web.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where SQL in Java source names a table. ArchUnit sees classes, not SQL strings, so this reads the sources: the string
 * literals (text blocks too) outside comments, and in them a table name where SQL names a table (after from, join,
 * into, update, table, truncate, copy or using). Keywords and names are matched ignoring case, as PostgreSQL folds
 * unquoted names: an English sentence such as "read from analysis 3" in a literal would be reported too, which is
 * a visible false alarm, where missing SQL written in capitals would be a silent hole. A literal that is nothing but
 * a table name with an underscore (a constant such as {@code TABLE = "analysis_angle"} spliced into SQL) counts as
 * naming it too; plain "analysis" alone is also a route and a parameter name, so it counts only in SQL.
 */
final class SqlTableUses {
    private SqlTableUses() {}

    /** One table named in SQL: the top-level class (by file), its package, the table and the line of the literal. */
    record Use(String packageName, String className, String table, int line) {
        @Override
        public String toString() {
            return packageName + "." + className + " (line " + line + "): " + table;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** Every use of one of {@code tables} in the SQL literals of the .java files under {@code sourceRoot}. */
    static List<Use> in(Path sourceRoot, Set<String> tables) {
        Pattern named = Pattern.compile("(?i)\\b(?:from|join|into|update|table|truncate|copy|using)\\s+(?:only\\s+)?("
                + tables.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\w(])");
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<Use> uses = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                String packageName = pkg.find() ? pkg.group(1) : "";
                String className = file.getFileName().toString().replaceFirst("\\.java$", "");
                for (Literal literal : literals(source)) {
                    Matcher m = named.matcher(literal.text());
                    while (m.find()) uses.add(new Use(packageName, className, m.group(1).toLowerCase(), literal.line()));
                    String whole = literal.text().strip().toLowerCase();
                    if (whole.contains("_") && tables.contains(whole)) uses.add(new Use(packageName, className, whole, literal.line()));
                }
            }
            return uses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string literal's content and the line it starts on. */
    record Literal(String text, int line) {}

    /** The string literals of Java source, skipping comments and char literals; escapes are kept as written. */
    static List<Literal> literals(String source) {
        List<Literal> found = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !source.startsWith("\"\"\"", end)) end += source.charAt(end) == '\\' ? 2 : 1;
                found.add(new Literal(source.substring(i + 3, Math.min(end, n)), line));
                end = Math.min(end + 3, n);
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') end += source.charAt(end) == '\\' ? 2 : 1;
                if (c == '"') found.add(new Literal(source.substring(i + 1, Math.min(end, n)), line));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) if (source.charAt(k) == '\n') lines++;
        return lines;
    }
}
