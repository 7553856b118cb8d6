package org.poseanalytics.web.chart;

/** A shaded x range with a label, e.g. one repetition from its start to its end. */
public record Band(String label, double from, double to) {}
