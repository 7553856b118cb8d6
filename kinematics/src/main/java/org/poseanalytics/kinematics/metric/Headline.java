package org.poseanalytics.kinematics.metric;

/**
 * One of an exercise's few lead figures (at most 8 per template), as the analysis page, the PDF and the progress
 * page show them first.
 *
 * @param rank       1 = shown first
 * @param label      e.g. "Peak knee flexion (left)"
 * @param definition one line: what, which side, 2D or 3D, e.g. "deepest knee bend per repetition, mean over complete
 *                   repetitions; 3D world landmarks"
 * @param metric     the figure with its value, unit, quality and reason
 */
public record Headline(int rank, String label, String definition, MetricRecord metric) {}
