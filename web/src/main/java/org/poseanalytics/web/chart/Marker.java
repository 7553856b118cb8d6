package org.poseanalytics.web.chart;

/**
 * A moment marked on a time chart (a line at {@code at}), with a faint band from {@code from} to {@code to} when
 * {@code to > from}: a corrected frame and its window, a clinician's note over a span.
 */
public record Marker(String label, double at, double from, double to, String color) {
    public static Marker at(String label, double at, String color) { return new Marker(label, at, at, at, color); }

    public boolean span() { return to > from; }
}
