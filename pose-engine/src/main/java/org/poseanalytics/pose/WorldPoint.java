package org.poseanalytics.pose;

/** A landmark in metres, origin between the hips (BlazePose world landmarks): x right, y down, z away from the camera. */
public record WorldPoint(double x, double y, double z) {}
