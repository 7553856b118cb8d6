package org.poseanalytics.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.poseanalytics.web.video.VideoUploaded;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Stands where the job runner will listen: only committed uploads arrive. */
@TestComponent
public class RecordedEvents {
    public final List<VideoUploaded> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(VideoUploaded e) { received.add(e); }
}
