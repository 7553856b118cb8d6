package org.poseanalytics.web.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.poseanalytics.multiview.calibration.checkerboard.Board;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Calibrations made in the app: a clinician uploads one checkerboard video per camera (filmed at once) with the
 * board's inner-corner counts and square size; the board is checked before anything is stored, each video goes
 * through an upload's checks ({@link VideoService#storeChecked}, the separate decoder process) and the calibration is
 * made in the background ({@link CalibrateCheckerboardHandler}). A made calibration can be used for a recording of any
 * of the clinic's sessions.
 */
@Service
public class CheckerboardCalibrations {
    private static final Logger log = LoggerFactory.getLogger(CheckerboardCalibrations.class);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final VideoService videos;
    private final Storage storage;
    private final JobRequestScheduler scheduler;
    private final AuditService audit;

    CheckerboardCalibrations(JdbcClient jdbc, CurrentUser currentUser, SessionService sessions, VideoService videos, Storage storage,
                             JobRequestScheduler scheduler, AuditService audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.videos = videos;
        this.storage = storage;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    /** Checks the board and the videos, keeps the videos for the job and queues it. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public CheckerboardCalibration create(long sessionId, List<MultiViewRecordings.Upload> uploads, int columns, int rows, double squareM)
            throws IOException {
        Session session = sessions.get(sessionId);
        try {
            new Board(columns, rows, squareM);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("The board: " + e.getMessage() + ". Count the inner corners (where four squares meet) across"
                    + " and down, e.g. 9 × 6 for a board of 10 × 7 squares, and give the square's side in metres, e.g. 0.025.", "board");
        }
        if (columns > 40 || rows > 40) throw new UserInputException("The board: at most 40 inner corners across or down.", "board");
        if (uploads.size() < MultiViewRecordings.MIN_VIDEOS || uploads.size() > MultiViewRecordings.MAX_VIDEOS) {
            throw new UserInputException("Upload one checkerboard video per camera, " + MultiViewRecordings.MIN_VIDEOS + " to "
                    + MultiViewRecordings.MAX_VIDEOS + "; " + uploads.size() + " " + (uploads.size() == 1 ? "was" : "were") + " given.", "videos");
        }
        List<UUID> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < uploads.size(); i++) {
                kept.add(videos.storeChecked(uploads.get(i).name(), uploads.get(i).content()).storageName());
                names.add("cam_" + (i + 1));
            }
            long id = jdbc.sql("""
                            insert into multiview_calibration (clinic_id, session_id, board_columns, board_rows, square_m, camera_names,
                                                               video_storage, created_by)
                            values (:clinic, :session, :cols, :rows, :square, :names, :videos, :by) returning id""")
                    .param("clinic", currentUser.clinicId()).param("session", sessionId).param("cols", columns).param("rows", rows)
                    .param("square", squareM).param("names", names.toArray(String[]::new)).param("videos", kept.toArray(UUID[]::new))
                    .param("by", currentUser.get().accountId()).query(Long.class).single();
            scheduler.enqueue(new CalibrateCheckerboard(id));
            audit.record(AuditAction.UPLOADED, session.subjectId(), null, "checkerboard videos of calibration " + id + " to session " + sessionId);
            log.info("Calibration {} of session {}: {} checkerboard videos, board {}x{} {} m; queued", id, sessionId, kept.size(), columns, rows, squareM);
            return CalibrationRows.find(jdbc, currentUser.clinicId(), id).orElseThrow();
        } catch (IOException | RuntimeException e) {
            // Nothing half-made stays: the videos kept so far go with the refusal.
            kept.forEach(storage::delete);
            throw e;
        }
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<CheckerboardCalibration> ofSession(long sessionId) {
        return CalibrationRows.ofSession(jdbc, currentUser.clinicId(), sessionId);
    }

    /** The clinic's made calibrations, newest first, for choosing one for a recording. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<CheckerboardCalibration> made() {
        return CalibrationRows.madeInClinic(jdbc, currentUser.clinicId());
    }

    /** A made calibration's file: the project's calibration JSON. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<byte[]> file(long id) {
        return CalibrationRows.json(jdbc, currentUser.clinicId(), id).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads the session's calibrations later without the signed-in user (live progress): the clinic is taken now. */
    @PreAuthorize("hasRole('VIEWER')")
    public Supplier<List<CheckerboardCalibration>> reader(long sessionId) {
        sessions.get(sessionId);
        long clinic = currentUser.clinicId();
        return () -> CalibrationRows.ofSession(jdbc, clinic, sessionId);
    }
}
