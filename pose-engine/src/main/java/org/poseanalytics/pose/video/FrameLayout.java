package org.poseanalytics.pose.video;

/** How {@link VideoDecoder} hands out a frame's pixels. */
public enum FrameLayout {
    /**
     * Interleaved RGB, turned as displayed ({@link org.poseanalytics.pose.image.RgbImage}): FFmpeg's scaler converts
     * every pixel and the decoder turns the whole frame. What code that reads every pixel wants.
     */
    RGB,
    /**
     * The decoder's YUV 4:2:0 planes as stored ({@link org.poseanalytics.pose.image.YuvImage}), copied once into a
     * reused buffer: no colour conversion and no turn of the whole frame. For pose models, which read a few crops.
     * Other formats (10-bit, 4:2:2, JPEG range) are brought to 8-bit 4:2:0 by FFmpeg's scaler first.
     */
    YUV420
}
