package org.poseanalytics.web.recording;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.JobProgressPush;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.ui.Ui;

/**
 * A session's multi-camera recordings: upload 2–4 simultaneous videos (one per camera, in the calibration's order)
 * and the calibration file, then follow the triangulation; a finished one links to its analysis page (the first
 * camera's video, with the cameras, offsets and reprojection error, the 3D skeleton and the views side by side). The
 * triangulations' progress is pushed to the page while it is open ({@link JobProgressPush}); clinicians choose the
 * pose model and may delete a recording (its videos and results with it).
 */
@Route("multi-camera")
@PermitAll
public class RecordingView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    private final SessionService sessions;
    private final MultiViewRecordings recordings;
    private final AuditService audit;
    private final JobProgressPush push;
    private final CheckerboardCalibrations calibrations;
    private ComboBox<CheckerboardCalibration> made;
    private final boolean canEdit;
    private final VerticalLayout list = new VerticalLayout();
    private ComboBox<String> model;
    private final List<File> videoFiles = new ArrayList<>();
    private final List<String> videoNames = new ArrayList<>();
    private String calibrationName;
    private byte[] calibration;
    private Session session;

    public RecordingView(SessionService sessions, MultiViewRecordings recordings, AuditService audit, CurrentUser currentUser,
                         JobProgressPush push, CheckerboardCalibrations calibrations) {
        this.calibrations = calibrations;
        this.sessions = sessions;
        this.recordings = recordings;
        this.audit = audit;
        this.push = push;
        list.setPadding(false);
        list.setId("recordings");
        this.canEdit = currentUser.has(Role.CLINICIAN);
        setMaxWidth("1100px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, Long sessionId) {
        session = sessions.get(sessionId);
        audit.viewed(session.subjectId(), null, "multi-camera page of session " + sessionId);
        render();
    }

    @Override
    public String getPageTitle() { return "Multi-camera recordings · Pose Analytics"; }

    private void render() {
        removeAll();
        Anchor back = new Anchor("sessions/" + session.id(), "← Session");
        back.setId("back-to-session");
        add(back, new H2("Multi-camera recordings · " + session.subjectName() + " · " + session.exercise().label() + " · " + session.date()));
        add(new CalibrationSection(calibrations, push, session.id(), canEdit, now -> {
            if (made != null) made.setItems(calibrations.made());
        }));
        if (canEdit) addUploads();
        add(new H3("Recordings"), list);
        List<MultiViewRecording> shown = recordings.ofSession(session.id());
        showRecordings(shown);
        // The triangulations run in the background, maybe on another node: their progress is pushed here.
        push.follow(list, recordings.reader(session.id()), shown, this::showRecordings);
    }

    private void showRecordings(List<MultiViewRecording> rs) {
        list.removeAll();
        if (rs.isEmpty()) list.add(Ui.emptyState("No multi-camera recording yet", "Film the movement with 2–4 calibrated cameras at once and upload the videos with the calibration."));
        for (MultiViewRecording r : rs) list.add(row(r));
    }

    private void addUploads() {
        add(new H3("Upload a recording"), new Paragraph("Choose one video per camera, in the calibration's camera order, and the"
                + " calibration: one made above, or a file from pose-analytics calibrate (.json), Pose2Sim/Anipose (.toml), Qualisys"
                + " (.qca.txt) or OpenCV (.yml, .xml, .json)."));
        Upload videos = new Upload(UploadHandler.toTempFile((meta, file) -> {
            videoFiles.add(file);
            videoNames.add(meta.fileName());
        }));
        videos.setId("multi-camera-videos");
        videos.setMaxFiles(MultiViewRecordings.MAX_VIDEOS);
        videos.setAcceptedFileTypes("video/*", ".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi");
        videos.setWidthFull();
        Upload cal = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            calibrationName = meta.fileName();
            calibration = bytes;
        }));
        cal.setId("multi-camera-calibration");
        cal.setMaxFiles(1);
        cal.setMaxFileSize(CalibrationUpload.MAX_BYTES);
        Button create = new Button("Triangulate", e -> create());
        create.setId("multi-camera-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        model = new ComboBox<>("Pose model");
        model.setItems(recordings.modelNames());
        model.setPlaceholder("The server's default");
        model.setClearButtonVisible(true);
        model.setId("multi-camera-model");
        made = new ComboBox<>("Calibration made here");
        made.setItems(calibrations.made());
        made.setItemLabelGenerator(c -> "Calibration " + c.id() + " · " + c.board() + " · " + c.cameraNames().size() + " cameras · "
                + c.createdAt().toLocalDate() + " · worst camera " + String.format(Locale.ROOT, "%.2f px",
                c.reprojectionPx().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        made.setClearButtonVisible(true);
        made.setWidth("min(100%, 560px)");
        made.setId("multi-camera-made-calibration");
        add(new Span("Videos (2–4)"), videos, made, new Span("or a calibration file"), cal, model, create);
    }

    private void create() {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<MultiViewRecordings.Upload> uploads = new ArrayList<>();
            for (int i = 0; i < videoFiles.size(); i++) {
                InputStream in = Files.newInputStream(videoFiles.get(i).toPath());
                opened.add(in);
                uploads.add(new MultiViewRecordings.Upload(videoNames.get(i), in));
            }
            CheckerboardCalibration chosen = made.getValue();
            if (chosen != null) {
                calibrationName = chosen.fileName();
                calibration = calibrations.file(chosen.id()).orElseThrow(() -> new UserInputException("That calibration is no longer there."));
            }
            if (calibration == null) throw new UserInputException("Choose a calibration made here or upload the calibration file first.");
            recordings.create(session.id(), uploads, calibrationName, calibration, model.getValue());
            Ui.success("Recording stored; the triangulation is queued.");
            videoFiles.forEach(File::delete);
            videoFiles.clear();
            videoNames.clear();
            calibration = null;
            render();
        } catch (UserInputException e) {
            Ui.error(e.getMessage());
        } catch (IOException e) {
            Ui.error("The recording was not stored: " + e.getMessage());
        } finally {
            for (InputStream in : opened) {
                try { in.close(); } catch (IOException ignored) { /* a temporary file */ }
            }
        }
    }

    private VerticalLayout row(MultiViewRecording r) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("recording-" + r.id());
        box.add(new Span("Cameras: " + String.join(", ", r.cameraNames()) + " · calibration " + r.calibrationName()));
        String state = switch (r.state()) {
            case "queued" -> "Queued";
            case "running" -> String.format(Locale.ROOT, "Triangulating: %.0f %%", 100 * r.fraction());
            case "succeeded" -> "Triangulated";
            default -> "Failed: " + r.message();
        };
        Span s = new Span(state + (r.model() == null ? "" : " · model " + r.model()));
        s.addClassName("recording-state");
        box.add(s);
        if (r.state().equals("running") || r.state().equals("queued")) {
            ProgressBar bar = new ProgressBar(0, 1, r.fraction());
            bar.setIndeterminate(r.state().equals("queued"));
            bar.addClassName("recording-progress");
            box.add(bar);
        }
        if (r.analysisId() != null) box.add(new Anchor("analysis/" + r.videoIds().getFirst(), "Open the analysis →"));
        if (canEdit) {
            Button delete = new Button("Delete recording", e -> confirmDelete(r));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            delete.addClassName("recording-delete");
            box.add(delete);
        }
        return box;
    }

    private void confirmDelete(MultiViewRecording r) {
        ConfirmDialog dialog = new ConfirmDialog("Delete this multi-camera recording?",
                "Its " + r.videoIds().size() + " videos, their files and its results are erased. The calibration file goes with it. It cannot be undone.",
                "Delete recording", e -> {
                    recordings.delete(r.id());
                    Ui.success("The recording was deleted.");
                    showRecordings(recordings.ofSession(session.id()));
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
