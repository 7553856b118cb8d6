package org.poseanalytics.pose.image;

/**
 * A video frame or photo as displayed, in whichever layout its source hands out: interleaved RGB
 * ({@link RgbImage}: photos, the legacy video path) or the decoder's own YUV 4:2:0 planes ({@link YuvImage}: video
 * frames, no whole-frame conversion). Pose models sample their crops from either; code that needs every pixel in
 * RGB asks for {@link #toRgb()}.
 */
public sealed interface Picture permits RgbImage, YuvImage {
    /** Width as displayed (rotation metadata applied). */
    int width();

    /** Height as displayed. */
    int height();

    /** The picture as interleaved RGB, as displayed: itself for an {@link RgbImage}, a converted copy otherwise. */
    RgbImage toRgb();
}
