package org.poseanalytics.kinematics.metric;

/** A value with its unit, as summary.json's metrics map holds them. */
public record Measure(double value, String unit) {}
