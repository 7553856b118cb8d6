package org.poseanalytics.web.video;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives each file of the upload component straight into {@link VideoService#store}; the upload request
 * runs as the signed-in user, so the service's clinic and role checks apply. The result shows in the page
 * through UI.access (push).
 */
public class VideoUploadHandler implements UploadHandler {
    private static final Logger log = LoggerFactory.getLogger(VideoUploadHandler.class);

    private final VideoService videos;
    private final long sessionId;
    private final Consumer<Video> onStored;

    public VideoUploadHandler(VideoService videos, long sessionId, Consumer<Video> onStored) {
        this.videos = videos;
        this.sessionId = sessionId;
        this.onStored = onStored;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        try (InputStream in = event.getInputStream()) {
            Video video = videos.store(sessionId, event.getFileName(), in);
            ui.access(() -> onStored.accept(video));
        } catch (UserInputException e) {
            event.reject(e.getMessage());
            ui.access(() -> Ui.error(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.error("An upload to session {} failed", sessionId, e);
            String message = "“" + FileNames.displayName(event.getFileName()) + "” was not stored: the upload broke off ("
                    + e.getClass().getSimpleName() + "). Try again.";
            event.reject(message);
            ui.access(() -> Ui.error(message));
        }
    }

    @Override
    public long getFileSizeMax() { return videos.maxSize().toBytes(); }
}
