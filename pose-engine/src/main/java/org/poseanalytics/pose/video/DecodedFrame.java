package org.poseanalytics.pose.video;

import org.poseanalytics.pose.image.Picture;
import org.poseanalytics.pose.image.RgbImage;

/**
 * One frame as a player shows it (rotation applied, or carried as metadata by a {@link
 * org.poseanalytics.pose.image.YuvImage}). {@code timeS} is the stream's own presentation time in seconds from the
 * stream start. The picture's buffers belong to the decoder and are reused for a later frame once {@link
 * VideoDecoder#release} gets them back (or at once, for the plain iterator use): copy what must outlive the frame.
 */
public record DecodedFrame(long index, double timeS, Picture picture) {
    /** The frame in RGB: the decoder's own buffer in the {@link FrameLayout#RGB} layout, a converted copy otherwise. */
    public RgbImage image() { return picture.toRgb(); }
}
