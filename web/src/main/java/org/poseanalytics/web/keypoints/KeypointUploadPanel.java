package org.poseanalytics.web.keypoints;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.poseanalytics.web.video.Video;

/**
 * The session page's "Keypoints from another tool" box (issue 18): the video to attach them to (or none), the frame rate
 * and frame size for files that do not state them, and the upload. The form's values are kept as they change, so that the
 * upload request (not the UI thread) reads a consistent copy.
 */
public class KeypointUploadPanel extends Details {
    private final AtomicReference<Long> videoId = new AtomicReference<>();
    private final AtomicReference<Double> fps = new AtomicReference<>();
    private final AtomicReference<String> frameSize = new AtomicReference<>("");
    private final Select<Optional<Video>> attach = new Select<>();

    public KeypointUploadPanel(KeypointUploads uploads, long sessionId, Consumer<KeypointImport> onStored) {
        super("Keypoints from another tool (OpenPose, MediaPipe, Sports2D/Pose2Sim)");
        setId("keypoint-upload-panel");
        attach.setLabel("Attach to video");
        attach.setId("keypoint-video");
        attach.setItemLabelGenerator(v -> v.map(x -> x.originalName() + " (" + x.summary() + ")").orElse("No video: analyse the keypoints alone"));
        setVideos(List.of());
        attach.addValueChangeListener(e -> videoId.set(e.getValue() == null ? null : e.getValue().map(Video::id).orElse(null)));
        attach.setWidth("28em");
        NumberField fpsField = new NumberField("Frames per second");
        fpsField.setId("keypoint-fps");
        fpsField.setHelperText("if the file does not say; else the video's");
        fpsField.addValueChangeListener(e -> fps.set(e.getValue()));
        TextField sizeField = new TextField("Frame size");
        sizeField.setId("keypoint-frame-size");
        sizeField.setPlaceholder("1920x1080");
        sizeField.setHelperText("if the file does not say; else the video's");
        sizeField.addValueChangeListener(e -> frameSize.set(e.getValue()));
        HorizontalLayout fields = new HorizontalLayout(attach, fpsField, sizeField);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");

        Upload upload = new Upload(new KeypointUploadHandler(uploads, sessionId,
                () -> new KeypointUpload(videoId.get(), fps.get(), KeypointUpload.frameSize(frameSize.get())), onStored));
        upload.setId("keypoint-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, uploads.maxSize().toBytes()));
        upload.setAcceptedFileTypes(".zip", ".json", ".trc", "application/zip", "application/json");
        upload.addFileRejectedListener(e -> org.poseanalytics.web.ui.Ui.error("“" + e.getFileName() + "” was not uploaded: " + e.getErrorMessage()
                + ". Keypoint files up to " + Video.humanSize(uploads.maxSize().toBytes()) + " are accepted (.zip of OpenPose JSON, .json, .trc)."));
        // Several uploads one after the other: the list of finished files would only grow.
        upload.addAllFinishedListener(e -> upload.clearFileList());
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Upload keypoints…").setMany("Upload keypoints…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("Drop a keypoint file here").setMany("Drop a keypoint file here"));
        i18n.setUploading(new UploadI18N.Uploading().setError(new UploadI18N.Uploading.Error()
                .setForbidden("Not stored: not a keypoint file that can be analysed (the red message says why)")
                .setServerUnavailable("The server did not answer. Try again.")
                .setUnexpectedServerError("Not stored — the upload broke off. Try again.")
                .setFileTooLarge("Too large: keypoint files up to " + Video.humanSize(uploads.maxSize().toBytes()) + " are accepted")));
        upload.setI18n(i18n);
        upload.setWidthFull();
        Span hint = new Span("An OpenPose JSON folder as a .zip of its *_keypoints.json files (BODY_25 or COCO-18), one MediaPipe/BlazePose"
                + " .json, or a Sports2D/Pose2Sim .trc; the format is read from the content. Up to " + Video.humanSize(uploads.maxSize().toBytes())
                + ". Attached to a video, the skeleton is drawn on it (the keypoints must come from that video); without one, the analysis"
                + " page shows the charts, figures and repetitions. The same tracking, angles and figures as a video's.");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout box = new VerticalLayout(fields, upload, hint);
        box.setPadding(false);
        add(box);
    }

    /** The session's videos to attach to (keypoint rows without a video are not offered); the choice stays when it still exists. */
    public void setVideos(List<Video> videos) {
        Optional<Video> chosen = attach.getValue() == null ? Optional.empty() : attach.getValue();
        List<Optional<Video>> items = new ArrayList<>();
        items.add(Optional.empty()); // no video: the keypoints stand alone
        videos.stream().filter(Video::hasVideo).map(Optional::of).forEach(items::add);
        attach.setItems(items);
        Optional<Video> keep = items.stream().filter(i -> i.map(Video::id).equals(chosen.map(Video::id))).findFirst().orElse(Optional.empty());
        attach.setValue(keep);
        videoId.set(keep.map(Video::id).orElse(null));
    }
}
