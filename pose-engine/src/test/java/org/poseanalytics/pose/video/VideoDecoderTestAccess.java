package org.poseanalytics.pose.video;

import java.nio.file.Path;
import org.poseanalytics.pose.image.RgbImage;

/** Test helper: the first displayed frame of a video, copied out of the decoder's pool. */
public final class VideoDecoderTestAccess {
    private VideoDecoderTestAccess() {}

    public static RgbImage firstFrame(Path video) throws Exception { return VideoDecoderTest.firstFrame(video); }
}
