package org.poseanalytics.web;

/** Fields of the CSV files the app writes (RFC 4180). */
public final class Csv {
    private Csv() {}

    /** A field with a comma, quote or line break is quoted, its quotes doubled. */
    public static String field(String s) {
        if (s == null || s.isEmpty()) return "";
        return s.matches("(?s).*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * Free text (user names, details): besides the quoting, a field a spreadsheet would run as a formula (starting
     * with =, +, -, @, tab or carriage return) gets a leading apostrophe, so opening the file runs nothing.
     */
    public static String text(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return field(s);
    }
}
