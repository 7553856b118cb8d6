package org.poseanalytics.web.chart;

import java.time.LocalDate;

/** One value of a metric on one session's date. */
public record TrendPoint(LocalDate date, double value) {}
