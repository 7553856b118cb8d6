package org.poseanalytics.archfixture.decode;

import java.nio.file.Path;
import org.poseanalytics.pose.video.UnreadableVideoException;
import org.poseanalytics.pose.video.VideoSource;

/** Breaks the decoding rule: a server class that decodes a file itself. */
public final class ServerSide {
    private ServerSide() {}

    public static int width(Path file) throws UnreadableVideoException { return VideoSource.of(file).info().width(); }
}
