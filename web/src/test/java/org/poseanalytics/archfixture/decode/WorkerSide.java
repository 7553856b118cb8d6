package org.poseanalytics.archfixture.decode;

import java.nio.file.Path;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;

/** Decodes, and may: it stands for the decoder worker. */
public final class WorkerSide {
    private WorkerSide() {}

    public static int width(Path file) throws UnreadableVideoException { return VideoSource.of(file).info().width(); }
}
