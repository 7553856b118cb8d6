package org.poseanalytics.web.keypoints;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.FileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a keypoint file of the upload component straight into {@link KeypointUploads#store}, with what the form says
 * at that moment (the video to attach to, frame rate, frame size); the request runs as the signed-in user, so the
 * service's clinic and role checks apply. The outcome shows in the page through UI.access (push).
 */
class KeypointUploadHandler implements UploadHandler {
    private static final Logger log = LoggerFactory.getLogger(KeypointUploadHandler.class);

    private final KeypointUploads uploads;
    private final long sessionId;
    private final Supplier<KeypointUpload> form;
    private final Consumer<KeypointImport> onStored;

    KeypointUploadHandler(KeypointUploads uploads, long sessionId, Supplier<KeypointUpload> form, Consumer<KeypointImport> onStored) {
        this.uploads = uploads;
        this.sessionId = sessionId;
        this.form = form;
        this.onStored = onStored;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        try (InputStream in = event.getInputStream()) {
            KeypointImport stored = uploads.store(sessionId, event.getFileName(), in, form.get());
            ui.access(() -> onStored.accept(stored));
        } catch (UserInputException e) {
            event.reject(e.getMessage());
            ui.access(() -> Ui.error(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.error("A keypoint upload to session {} failed", sessionId, e);
            String message = "“" + FileNames.displayName(event.getFileName()) + "” was not stored: the upload broke off ("
                    + e.getClass().getSimpleName() + "). Try again.";
            event.reject(message);
            ui.access(() -> Ui.error(message));
        }
    }

    @Override
    public long getFileSizeMax() { return uploads.maxSize().toBytes(); }
}
