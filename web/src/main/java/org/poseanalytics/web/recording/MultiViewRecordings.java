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
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

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

    MultiViewRecordings(JdbcClient jdbc, CurrentUser currentUser, SessionService sessions, VideoService videos, JobRequestScheduler scheduler) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.videos = videos;
        this.scheduler = scheduler;
    }

    /** Checks the recording, stores its videos and calibration, and queues its triangulation. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public MultiViewRecording create(long sessionId, List<Upload> uploads, String calibrationName, byte[] calibration) throws IOException {
        sessions.get(sessionId);
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
                        insert into multiview_recording (clinic_id, session_id, video_ids, calibration_name, calibration_file, camera_names, created_by)
                        values (:clinic, :session, :videos, :name, :file, :cameras, :by) returning id""")
                .param("clinic", currentUser.clinicId()).param("session", sessionId)
                .param("videos", ids.toArray(Long[]::new)).param("name", calibrationName).param("file", calibration)
                .param("cameras", cameraNames(cal).toArray(String[]::new)).param("by", currentUser.get().accountId())
                .query(Long.class).single();
        scheduler.enqueue(new AnalyseRecording(id));
        log.info("Multi-camera recording {} of session {}: videos {}, calibration {}; triangulation queued", id, sessionId, ids, calibrationName);
        return get(id).orElseThrow();
    }

    /** The clinic's recording, if any. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MultiViewRecording> get(long id) {
        return RecordingRows.find(jdbc, currentUser.clinicId(), id);
    }

    /** The session's recordings, newest first. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<MultiViewRecording> ofSession(long sessionId) {
        return RecordingRows.ofSession(jdbc, currentUser.clinicId(), sessionId);
    }

    private static List<String> cameraNames(Calibration cal) { return cal.cameras().stream().map(Camera::name).toList(); }
}
