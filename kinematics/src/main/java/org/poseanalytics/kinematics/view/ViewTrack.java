package org.poseanalytics.kinematics.view;

/**
 * The camera's view of the subject per sample, and over the whole recording.
 *
 * @param views                    per sample
 * @param sagittalPlaneToImageDeg  per sample, 0..90: angle between the body's sagittal plane and the image plane (NaN unknown)
 * @param frontalPlaneToImageDeg   per sample, 0..90: the same for the frontal plane
 * @param summary                  over the recording
 */
public record ViewTrack(CameraView[] views, double[] sagittalPlaneToImageDeg, double[] frontalPlaneToImageDeg, ViewSummary summary) {}
