package org.poseanalytics.archfixture.decode;

import java.nio.file.Path;
import org.poseanalytics.pose.video.UnreadableVideoException;

/** Breaks the decoding rule the other way: a server class that runs the worker's code in its own JVM. */
public final class CallsTheWorkerDirectly {
    private CallsTheWorkerDirectly() {}

    public static int width(Path file) throws UnreadableVideoException { return WorkerSide.width(file); }
}
