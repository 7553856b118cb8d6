package org.poseanalytics.pose.video;

import org.poseanalytics.pose.image.RgbImage;

/**
 * One frame as a player shows it (rotation applied). {@code timeS} is the stream's own presentation time in
 * seconds from the stream start. The image's buffer belongs to the decoder and is reused for a later frame
 * once {@link VideoDecoder#release} gets it back (or at once, for the plain iterator use): copy what must outlive
 * the frame.
 */
public record DecodedFrame(long index, double timeS, RgbImage image) {}
