package org.poseanalytics.web.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.analysis.PoseModelChoices;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's multi-camera recordings: a clinician uploads 2–4 simultaneous videos and their calibration; what can be
 * told wrong is told before anything is stored (an unreadable calibration, a count of videos other than its cameras),
 * then each video is stored as any upload is (checked by its content) and the triangulation is queued
 * ({@link AnalyseRecordingHandler}).
 */
@Service
public class MultiViewRecordings {
    static final int MIN_VIDEOS = 2, MAX_VIDEOS = 4;
    private static final Logger log = LoggerFactory.getLogger(MultiViewRecordings.class);

    /** One uploaded video: the name the user's file had and its content. */
    public record Upload(String name, InputStream content) {}

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final VideoService videos;
    private final JobRequestScheduler scheduler;
    private final PoseModelChoices models;
    private final AuditService audit;

    MultiViewRecordings(JdbcClient jdbc, CurrentUser currentUser, SessionService sessions, VideoService videos, JobRequestScheduler scheduler,
                        PoseModelChoices models, AuditService audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.videos = videos;
        this.scheduler = scheduler;
        this.models = models;
        this.audit = audit;
    }

    /** Checks the recording, stores its videos and calibration, and queues its triangulation with the workers' default model. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public MultiViewRecording create(long sessionId, List<Upload> uploads, String calibrationName, byte[] calibration) throws IOException {
        return create(sessionId, uploads, calibrationName, calibration, null);
    }

    /**
     * Checks the recording, stores its videos and calibration, and queues its triangulation; {@code model} is one of
     * {@link PoseModelChoices#names()} or blank for the workers' default.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public MultiViewRecording create(long sessionId, List<Upload> uploads, String calibrationName, byte[] calibration, String model) throws IOException {
        sessions.get(sessionId);
        String chosenModel = models.offered(model);
        if (uploads.size() < MIN_VIDEOS || uploads.size() > MAX_VIDEOS) {
            throw new UserInputException("A multi-camera recording has " + MIN_VIDEOS + " to " + MAX_VIDEOS
                    + " videos, one per camera; " + uploads.size() + " " + (uploads.size() == 1 ? "was" : "were") + " given.", "videos");
        }
        Calibration cal = CalibrationUpload.read(calibrationName, calibration);
        if (cal.size() != uploads.size()) {
            throw new UserInputException(uploads.size() + " videos were given but the calibration “" + calibrationName + "” has "
                    + cal.size() + " camera" + (cal.size() == 1 ? "" : "s") + " (" + String.join(", ", cameraNames(cal))
                    + "): upload one video per camera, in the calibration's order.", "videos");
        }
        List<Long> ids = new ArrayList<>();
        for (Upload u : uploads) {
            Video v = videos.store(sessionId, u.name(), u.content());
            ids.add(v.id());
        }
        long id = jdbc.sql("""
                        insert into multiview_recording (clinic_id, session_id, video_ids, calibration_name, calibration_file, camera_names, created_by, model)
                        values (:clinic, :session, :videos, :name, :file, :cameras, :by, :model) returning id""")
                .param("clinic", currentUser.clinicId()).param("session", sessionId)
                .param("videos", ids.toArray(Long[]::new)).param("name", calibrationName).param("file", calibration)
                .param("cameras", cameraNames(cal).toArray(String[]::new)).param("by", currentUser.get().accountId())
                .param("model", chosenModel).query(Long.class).single();
        scheduler.enqueue(new AnalyseRecording(id));
        log.info("Multi-camera recording {} of session {}: videos {}, calibration {}; triangulation queued", id, sessionId, ids, calibrationName);
        return get(id).orElseThrow();
    }

    /**
     * Deletes a recording with its videos (each deleted as any video is: its analyses with it, its files erased once
     * the deletion is committed, audited) and says so in the audit trail. A triangulation still running finds its
     * recording gone and stores nothing.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(long id) {
        MultiViewRecording r = get(id).orElseThrow(() -> new NotFoundException("Multi-camera recording " + id));
        Session session = sessions.get(r.sessionId());
        jdbc.sql("delete from multiview_recording where id = :id and clinic_id = :clinic").param("id", id)
                .param("clinic", currentUser.clinicId()).update();
        List<Long> deleted = new ArrayList<>();
        for (long videoId : r.videoIds()) {
            if (videos.listForSession(r.sessionId()).stream().noneMatch(v -> v.id() == videoId)) continue; // deleted on its own before
            videos.delete(videoId);
            deleted.add(videoId);
        }
        audit.record(AuditAction.DELETED, session.subjectId(), null, "multi-camera recording " + id + " of session " + session.id()
                + " of " + session.date() + " with videos " + deleted);
        log.info("Multi-camera recording {} of session {} deleted with videos {}", id, session.id(), deleted);
    }

    /** The pose models a recording may be analysed with, in the order to offer them. */
    public List<String> modelNames() { return models.names(); }

    /** The clinic's recording, if any. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MultiViewRecording> get(long id) {
        return RecordingRows.find(jdbc, currentUser.clinicId(), id);
    }

    /**
     * What reads the session's recordings later on another thread without the signed-in user (live progress on the
     * page, {@code JobProgressPush}): the clinic is the caller's, taken now.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public java.util.function.Supplier<List<MultiViewRecording>> reader(long sessionId) {
        sessions.get(sessionId);
        long clinic = currentUser.clinicId();
        return () -> RecordingRows.ofSession(jdbc, clinic, sessionId);
    }

    /** The session's recordings, newest first. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<MultiViewRecording> ofSession(long sessionId) {
        return RecordingRows.ofSession(jdbc, currentUser.clinicId(), sessionId);
    }

    private static List<String> cameraNames(Calibration cal) { return cal.cameras().stream().map(Camera::name).toList(); }
}
