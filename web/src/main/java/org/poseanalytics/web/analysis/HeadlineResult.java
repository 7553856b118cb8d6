package org.poseanalytics.web.analysis;

/**
 * One of the exercise's lead figures (at most 8), as the analysis page, the PDF and the progress page show them first.
 *
 * @param rank       1 = shown first
 * @param label      e.g. "Peak knee flexion (left)"
 * @param definition what, which side, 2D or 3D
 * @param metric     the session-wide figure it shows, with its quality
 */
public record HeadlineResult(int rank, String label, String definition, MetricResult metric) {}
