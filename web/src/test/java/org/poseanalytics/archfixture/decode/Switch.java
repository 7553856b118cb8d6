package org.poseanalytics.archfixture.decode;

import java.nio.file.Path;
import org.poseanalytics.pose.video.UnreadableVideoException;

/** Calls the worker's code in this JVM, and may: it stands for the inline switch for tests. */
public final class Switch {
    private Switch() {}

    public static int width(Path file) throws UnreadableVideoException { return WorkerSide.width(file); }
}
