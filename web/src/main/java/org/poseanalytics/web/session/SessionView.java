package org.poseanalytics.web.session;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.JobPanels;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.keypoints.KeypointUploadPanel;
import org.poseanalytics.web.keypoints.KeypointUploads;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDialog;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.SubjectView;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoStatus;
import org.poseanalytics.web.video.VideoUploadHandler;

/** One session: what was recorded, its videos with their metadata, and the upload. */
@Route("sessions")
@PermitAll
public class SessionView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    private static final DateTimeFormatter UPLOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SessionService sessions;
    private final VideoService videos;
    private final AuditService audit;
    private final boolean canEdit;
    private final VerticalLayout videoList = new VerticalLayout();
    private Session session;
    /** Each video's analysis job: live progress, cancel, analyse again (issue 6). */
    private final JobPanels jobPanels;

    private final KeypointUploads keypoints;
    private KeypointUploadPanel keypointPanel;

    public SessionView(SessionService sessions, VideoService videos, JobPanels jobPanels, AuditService audit, CurrentUser currentUser,
                       KeypointUploads keypoints) {
        this.keypoints = keypoints;
        this.sessions = sessions;
        this.audit = audit;
        this.videos = videos;
        this.jobPanels = jobPanels;
        this.canEdit = currentUser.has(Role.CLINICIAN);
        videoList.setPadding(false);
        videoList.setId("videos");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        session = sessions.get(id);
        audit.viewed(session.subjectId(), null, "session " + id + " page");
        render();
    }

    @Override
    public String getPageTitle() {
        return session == null ? "Session · Pose Analytics"
                : session.subjectName() + ", " + session.exercise().label() + " " + session.date() + " · Pose Analytics";
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor("subjects/" + session.subjectId(), "← " + session.subjectName());
        back.setId("back-to-subject");
        H2 title = new H2(session.exercise().label() + " · " + session.date());
        title.setId("session-title");
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> new SessionDialog(session,
                d -> sessions.update(session.id(), d), s -> { session = s; render(); Ui.success("Saved."); }).open());
        Button delete = new Button("Delete…", VaadinIcon.TRASH.create(), e -> confirmDeleteSession());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        edit.setVisible(canEdit);
        delete.setVisible(canEdit);
        HorizontalLayout head = new HorizontalLayout(title, edit, delete);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, head);
        if (session.notes() != null) add(new Paragraph(session.notes()));

        add(new H3("Videos"));
        if (canEdit) add(upload());
        // Keypoints made by another tool (issue 18), attached to one of the videos below or on their own.
        if (canEdit) {
            keypointPanel = new KeypointUploadPanel(keypoints, session.id(), stored -> {
                Ui.success("“" + stored.originalName() + "” stored: " + stored.describe() + (stored.withVideo()
                        ? ", attached to its video; analysing" : ", without a video; analysing"));
                refreshVideos();
            });
            keypointPanel.setWidthFull();
            add(keypointPanel);
        }
        // Several cameras filming at once: a page of its own (the recording feature builds on sessions), linked by URL.
        Anchor multiCamera = new Anchor("multi-camera/" + session.id(), "Multi-camera recordings (2–4 calibrated cameras) →");
        multiCamera.setId("to-multi-camera");
        add(multiCamera);
        add(videoList);
        refreshVideos();
    }

    private Component upload() {
        Upload upload = new Upload(new VideoUploadHandler(videos, session.id(), stored -> {
            Ui.success("“" + stored.originalName() + "” stored: " + stored.summary());
            refreshVideos();
        }));
        upload.setId("upload");
        upload.setMaxFiles(20);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, videos.maxSize().toBytes()));
        upload.setAcceptedFileTypes("video/*", ".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".3gp");
        upload.addFileRejectedListener(e -> Ui.error("“" + e.getFileName() + "” was not uploaded: " + e.getErrorMessage()
                + ". Videos up to " + Video.humanSize(videos.maxSize().toBytes()) + " are accepted (MP4, MOV, WebM, MKV, AVI)."));
        upload.setWidthFull();
        UploadI18N i18n = new UploadI18N();
        i18n.setUploading(new UploadI18N.Uploading().setError(new UploadI18N.Uploading.Error()
                .setForbidden("Not stored: not a video file that can be read (the red message says why)")
                .setServerUnavailable("The server did not answer. Try again.")
                .setUnexpectedServerError("Not stored — the upload broke off. Try again.")
                .setFileTooLarge("Too large: videos up to " + Video.humanSize(videos.maxSize().toBytes()) + " are accepted")));
        upload.setI18n(i18n);
        Span hint = new Span("Drop video files here or choose them; several at once are fine. Up to "
                + Video.humanSize(videos.maxSize().toBytes()) + " each. Each file is checked to be a readable video before it is stored.");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout box = new VerticalLayout(upload, hint);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private void refreshVideos() {
        videoList.removeAll();
        List<Video> list = videos.listForSession(session.id());
        if (keypointPanel != null) keypointPanel.setVideos(list);
        if (list.isEmpty()) {
            videoList.add(Ui.emptyState("No videos in this session yet", canEdit
                    ? "Drag video files onto the upload area above, or click “Upload Files…”. Film the whole body, side-on or front-on."
                    : "Videos appear here once a clinician uploads them."));
            return;
        }
        list.forEach(v -> videoList.add(card(v)));
    }

    private Component card(Video v) {
        Component thumb;
        if (v.hasVideo()) {
            Image image = new Image("media/videos/" + v.id() + "/thumbnail.jpg", "Frame of " + v.originalName());
            image.setWidth("160px");
            image.getStyle().set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-contrast-10pct)")
                    .set("object-fit", "contain").set("max-height", "180px");
            thumb = image;
        } else {
            // Keypoints imported without a video: nothing to show or play.
            Div none = new Div(new Span("Keypoints, no video"));
            none.addClassName("keypoints-only");
            none.setWidth("160px");
            none.getStyle().set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-contrast-10pct)")
                    .set("text-align", "center").set("padding", "var(--lumo-space-l) 0").set("color", "var(--lumo-secondary-text-color)");
            thumb = none;
        }
        Span name = new Span(v.originalName());
        name.getStyle().set("font-weight", "600");
        Span meta = new Span(v.summary());
        meta.addClassName("video-metadata");
        Span status = new Span(v.status().label());
        status.getElement().getThemeList().add("badge" + (v.status() == org.poseanalytics.web.video.VideoStatus.FAILED ? " error" : ""));
        Span uploaded = new Span("Uploaded " + (v.uploadedAt() == null ? "" : UPLOADED.format(v.uploadedAt().toLocalDateTime()))
                + (v.uploadedBy() == null ? "" : " by " + v.uploadedBy()));
        uploaded.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Anchor play = new Anchor("media/videos/" + v.id() + "/file", "Play video");
        play.setTarget(AnchorTarget.BLANK);
        play.setVisible(v.hasVideo());
        Button delete = new Button("Delete…", e -> confirmDeleteVideo(v));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.setVisible(canEdit);
        // The analysis page (issue 7): overlay playback, angle chart, repetitions, exports.
        Anchor analysis = new Anchor("analysis/" + v.id(), v.status() == VideoStatus.DONE ? "Open analysis" : "Analysis…");
        analysis.addClassName("open-analysis");
        analysis.getStyle().set("font-weight", "600");
        HorizontalLayout actions = new HorizontalLayout(status, analysis, play, delete);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout text = new VerticalLayout(name, meta, uploaded, actions);
        text.add(jobPanels.create(v, job -> status.setText(job.state().label())));
        text.setPadding(false);
        text.setSpacing(false);
        HorizontalLayout card = new HorizontalLayout(thumb, text);
        card.addClassName("video-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s)");
        card.setWidthFull();
        return card;
    }

    private void confirmDeleteVideo(Video v) {
        ConfirmDialog dialog = new ConfirmDialog("Delete “" + v.originalName() + "”?",
                "The video file and its results are erased. It cannot be undone.", "Delete video", e -> {
                    videos.delete(v.id());
                    Ui.success("“" + v.originalName() + "” was deleted.");
                    refreshVideos();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void confirmDeleteSession() {
        ConfirmDialog dialog = new ConfirmDialog("Delete this session?",
                "The session of " + session.date() + " and its " + session.videos() + " video(s) are erased, files included. It cannot be undone.",
                "Delete session", e -> {
                    sessions.delete(session.id());
                    Ui.success("The session was deleted.");
                    getUI().ifPresent(ui -> ui.navigate(SubjectView.class, session.subjectId()));
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
