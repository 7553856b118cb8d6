package org.poseanalytics.web.chart;

/** One line of a time chart: x in seconds, y in the chart's unit; NaN leaves a gap (no pose in that frame). */
public record Curve(String name, double[] x, double[] y) {
    public Curve {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length for " + name);
    }
}
