package org.poseanalytics.kinematics.view;

/**
 * The camera's view of the subject per sample, and over the whole recording.
 *
 * @param views                    per sample
 * @param sagittalPlaneToImageDeg  per sample, 0..90: angle between the body's sagittal plane and the image plane (NaN unknown)
 * @param frontalPlaneToImageDeg   per sample, 0..90: the same for the frontal plane
 * @param azimuthDeg               per sample, (−180, 180]: the camera seen from the person, 0 = in front, 90 = at
 *                                 their left, 180 = behind, −90 = at their right (NaN unknown)
 * @param summary                  over the recording
 */
public record ViewTrack(CameraView[] views, double[] sagittalPlaneToImageDeg, double[] frontalPlaneToImageDeg,
                        double[] azimuthDeg, ViewSummary summary) {}
