package org.poseanalytics.pose.heatmap;

/** A decoded keypoint in heatmap cells (sub-cell after refinement) and the heatmap's value at its maximum. */
public record HeatmapPeak(double x, double y, double score) {}
