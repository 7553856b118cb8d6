package org.poseanalytics.web.chart;

/** A moment (or a span, when {@code to > at}) marked on a time chart: a corrected frame, a clinician's note. */
public record Marker(String label, double at, double to, String color) {
    public static Marker at(String label, double at, String color) { return new Marker(label, at, at, color); }

    public boolean span() { return to > at; }
}
