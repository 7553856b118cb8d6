package org.poseanalytics.multiview.calibration.checkerboard;

/** The board's inner corners found in one frame: pixels, row by row, [2·i] = x, [2·i + 1] = y. */
public record BoardView(long frame, double timeS, float[] corners) {}
