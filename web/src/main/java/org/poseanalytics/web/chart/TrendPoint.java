package org.poseanalytics.web.chart;

import java.time.LocalDate;

/**
 * One value of a metric on one session's date. NaN: left out (invalid or not measured), drawn as a gap in the line;
 * {@code lowQuality}: drawn as a hollow marker, so a weak value does not look as sure as a valid one.
 */
public record TrendPoint(LocalDate date, double value, boolean lowQuality) {

    public TrendPoint(LocalDate date, double value) { this(date, value, false); }
}
