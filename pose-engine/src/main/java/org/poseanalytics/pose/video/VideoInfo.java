package org.poseanalytics.pose.video;

/**
 * What a video file holds, as a player shows it: {@code width} and {@code height} are of the displayed
 * frame (the stream's rotation metadata already applied), {@code rotationDeg} is that rotation (clockwise,
 * 0/90/180/270). {@code frames} and {@code durationS} come from the container and may be estimates;
 * {@code variableFrameRate} is judged from the stream's own packet timestamps.
 */
public record VideoInfo(String container, String codec, int width, int height, int rotationDeg,
                        long frames, double durationS, double nominalFps, boolean variableFrameRate,
                        boolean hasAudio) {}
