package org.poseanalytics.web.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoProbe;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.SubjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Videos of the clinic's sessions. An upload is streamed to a temp file in the storage directory, checked by
 * content (size, then {@link VideoProbe} within the {@link VideoLimits} of {@code pose.upload.*}), and only then moved under a UUID name and recorded. A rejected
 * upload leaves no row and no file.
 */
@Service
public class VideoService {
    private static final Logger log = LoggerFactory.getLogger(VideoService.class);
    private static final String SELECT = """
            select v.*, a.display_name as uploaded_by_name from video v left join account a on a.id = v.uploaded_by
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final AuditService audit;
    private final Storage storage;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DataSize maxSize;
    private final VideoLimits limits;
    private final Decoder decoder;

    VideoService(JdbcClient jdbc, CurrentUser currentUser, SessionService sessions, AuditService audit, Storage storage,
                 ApplicationEventPublisher events, TransactionTemplate tx,
                 @Value("${pose.upload.max-size}") DataSize maxSize, VideoLimits limits, Decoder decoder) {
        this.decoder = decoder;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.audit = audit;
        this.storage = storage;
        this.events = events;
        this.tx = tx;
        this.maxSize = maxSize;
        this.limits = limits;
    }

    public DataSize maxSize() { return maxSize; }

    @PreAuthorize("hasRole('VIEWER')")
    public List<Video> listForSession(long sessionId) {
        sessions.get(sessionId);
        return jdbc.sql(SELECT + " where v.clinic_id = :clinic and v.session_id = :session order by v.uploaded_at, v.id")
                .param("clinic", currentUser.clinicId()).param("session", sessionId).query(VideoService::map).list();
    }

    @PreAuthorize("hasRole('VIEWER')")
    public Video get(long id) {
        return jdbc.sql(SELECT + " where v.id = :id and v.clinic_id = :clinic")
                .param("id", id).param("clinic", currentUser.clinicId())
                .query(VideoService::map).optional().orElseThrow(() -> new NotFoundException("Video " + id));
    }

    /**
     * Stores one uploaded file for a session. Not one transaction end to end: a 2 GB upload must not hold a
     * database connection; the row is written in a short transaction once the file has passed every check.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Video store(long sessionId, String sentFileName, InputStream content) throws IOException {
        Session session = sessions.get(sessionId);
        String displayName = FileNames.displayName(sentFileName);
        Path temp = storage.newTempFile();
        Path thumbTemp = null;
        UUID name = UUID.randomUUID();
        boolean moved = false;
        try {
            long size = copyLimited(content, temp, displayName);
            thumbTemp = storage.newTempFile();
            Files.delete(thumbTemp); // the decoder writes it; the name is one nobody else has
            Decoder.Checked checked;
            try {
                checked = decoder.check(temp, thumbTemp, limits);
            } catch (DecodeFailure e) {
                log.info("Rejected upload to session {} ({}): {}", sessionId, e.kind(), e.getMessage());
                throw rejected(displayName, e);
            }
            VideoInfo info = checked.info();
            if (checked.thumbnailProblem() != null) {
                log.warn("No thumbnail for an upload to session {}: {}", sessionId, checked.thumbnailProblem());
                Storage.deleteQuietly(thumbTemp);
                thumbTemp = null;
            }
            Optional<String> conversion = BrowserProxy.conversionReason(checked.format());
            storage.moveIn(temp, storage.video(name));
            if (thumbTemp != null) storage.moveIn(thumbTemp, storage.thumbnail(name));
            moved = true;
            Video video = tx.execute(status -> insert(session, name, displayName, size, info, conversion));
            log.info("Stored video {} for session {} as {}", video.id(), sessionId, name);
            return video;
        } finally {
            Storage.deleteQuietly(temp);
            Storage.deleteQuietly(thumbTemp);
            // Row not written (any failure above or in the insert): the moved files must go too.
            if (moved && !exists(name)) storage.delete(name);
        }
    }

    private static UploadRejectedException rejected(String displayName, DecodeFailure e) {
        return new UploadRejectedException("“" + displayName + "” was not stored: " + switch (e.kind()) {
            case OVER_LIMIT -> e.getMessage() + ". Trim or export the video again (for example as MP4 from the phone or"
                    + " camera), or ask your administrator to raise the limit.";
            case RESOURCES, TIMED_OUT -> e.getMessage() + ". The file may be damaged or made to harm; export the video"
                    + " again from the camera or phone (MP4 or MOV) and upload it again.";
            default -> readable(e.getMessage()) + ". Upload a video file (for example MP4 or MOV from a phone or camera).";
        });
    }

    /** A video file that passed an upload's checks, stored under {@code storageName} with no video row (see {@link #storeChecked}). */
    public record CheckedFile(UUID storageName, String displayName, VideoInfo info) {}

    /**
     * Checks an uploaded file exactly as {@link #store} does (size, then the separate decoder process within the upload
     * limits) and keeps it under a new storage name, without a video row: for a file that is not one of the session's
     * videos, such as a checkerboard video a calibration job reads once. The caller records the name (so that the
     * storage sweep keeps it) and deletes the file when done ({@link Storage#delete}).
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public CheckedFile storeChecked(String sentFileName, InputStream content) throws IOException {
        String displayName = FileNames.displayName(sentFileName);
        Path temp = storage.newTempFile();
        Path thumbTemp = null;
        try {
            copyLimited(content, temp, displayName);
            thumbTemp = storage.newTempFile();
            Files.delete(thumbTemp);
            Decoder.Checked checked;
            try {
                checked = decoder.check(temp, thumbTemp, limits);
            } catch (DecodeFailure e) {
                log.info("Rejected a checked upload ({}): {}", e.kind(), e.getMessage());
                throw rejected(displayName, e);
            }
            UUID name = UUID.randomUUID();
            storage.moveIn(temp, storage.video(name));
            return new CheckedFile(name, displayName, checked.info());
        } finally {
            Storage.deleteQuietly(temp);
            Storage.deleteQuietly(thumbTemp);
        }
    }

    private Video insert(Session session, UUID name, String displayName, long size, VideoInfo info, Optional<String> conversion) {
        long clinic = currentUser.clinicId();
        long id = jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec,
                                           width, height, rotation_deg, frames, duration_s, nominal_fps, variable_frame_rate,
                                           has_audio, uploaded_by, playback, playback_reason)
                        values (:clinic, :session, :name, :original, :size, :container, :codec, :width, :height, :rotation,
                                :frames, :duration, :fps, :vfr, :audio, :account, :playback, :reason) returning id""")
                .param("clinic", clinic).param("session", session.id()).param("name", name)
                .param("original", displayName).param("size", size).param("container", info.container())
                .param("codec", info.codec()).param("width", info.width()).param("height", info.height())
                .param("rotation", info.rotationDeg()).param("frames", info.frames()).param("duration", info.durationS())
                .param("fps", info.nominalFps()).param("vfr", info.variableFrameRate()).param("audio", info.hasAudio())
                .param("account", currentUser.get().accountId())
                .param("playback", (conversion.isPresent() ? PlaybackState.PENDING : PlaybackState.AS_UPLOADED).dbName())
                .param("reason", conversion.orElse(null))
                .query(Long.class).single();
        audit.record(AuditAction.UPLOADED, session.subjectId(), id,
                "video " + id + " to session " + session.id() + " of " + session.date());
        // → analysis.AnalysisJobs#analyseUpload queues the video's analysis once this transaction commits (video may not
        // import analysis, which builds on it; so the hand-off is this event), and BrowserCopies its browser copy.
        events.publishEvent(new VideoUploaded(id, clinic, session.id(), storage.video(name)));
        return get(id);
    }

    /**
     * The row of keypoints uploaded without a video (issue 18): it holds their analysis as a video row holds a video's, so
     * that every page and export of an analysis works alike. Its file is the keypoint file ({@code storageName}); frame
     * size, frames and rate are 0 until the analysis has read them. Called in the upload's transaction, which audits it;
     * no {@link VideoUploaded} (nothing to decode or convert).
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public long insertKeypointsOnly(long sessionId, UUID storageName, String displayName, long sizeBytes) {
        Session session = sessions.get(sessionId);
        return jdbc.sql("""
                        insert into video (clinic_id, session_id, storage_name, original_name, size_bytes, container, codec,
                                           width, height, frames, duration_s, nominal_fps, variable_frame_rate, has_audio,
                                           uploaded_by, media, playback)
                        values (:clinic, :session, :name, :original, :size, 'keypoints', null, 0, 0, 0, 0, 0, false, false,
                                :account, 'keypoints', :playback) returning id""")
                .param("playback", PlaybackState.AS_UPLOADED.dbName())
                .param("clinic", currentUser.clinicId()).param("session", session.id()).param("name", storageName)
                .param("original", displayName).param("size", sizeBytes).param("account", currentUser.get().accountId())
                .query(Long.class).single();
    }

    private boolean exists(UUID name) {
        return jdbc.sql("select exists (select 1 from video where storage_name = :name)").param("name", name)
                .query(Boolean.class).single();
    }

    /**
     * The probe's reasons are already in words, but some end in FFmpeg's own diagnostics (with our temp
     * path): those stay in the log, the user gets the words.
     */
    static String readable(String reason) {
        if (reason == null) return "it is not a video we can read";
        int details = reason.indexOf(" (");
        if (details > 0 && (reason.contains("avformat") || reason.contains("/") || reason.contains("error"))) {
            reason = reason.substring(0, details);
        }
        return reason.replace("not a video FFmpeg can read", "it is not a video file that can be read");
    }

    /** Counts while copying: the size a client announces is not to be trusted. */
    private long copyLimited(InputStream in, Path target, String displayName) throws IOException {
        long limit = maxSize.toBytes();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new UploadRejectedException("“" + displayName + "” was not stored: it is larger than the limit of "
                            + Video.humanSize(limit) + ". Trim or compress the video (or ask your administrator to raise POSE_UPLOAD_MAX_SIZE).");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(long id) {
        Video video = get(id);
        Session session = sessions.get(video.sessionId());
        // Keypoint files uploaded to it (issue 18) go with it; their rows go by the foreign key.
        List<UUID> files = new java.util.ArrayList<>(jdbc.sql("select storage_name from keypoint_file where video_id = :id and clinic_id = :clinic")
                .param("id", id).param("clinic", currentUser.clinicId()).query(UUID.class).list());
        files.add(video.storageName());
        jdbc.sql("delete from video where id = :id and clinic_id = :clinic").param("id", id)
                .param("clinic", currentUser.clinicId()).update();
        audit.record(AuditAction.DELETED, session.subjectId(), id,
                "video " + id + " deleted from session " + session.id() + " of " + session.date());
        SubjectService.deleteFilesAfterCommit(storage, files);
    }

    /** The id of the subject a video of this clinic shows, for the audit log. */
    @PreAuthorize("hasRole('VIEWER')")
    public long subjectIdOf(Video video) { return sessions.get(video.sessionId()).subjectId(); }

    /** The thumbnail file of a video of this clinic; looking at it is recorded in the audit log. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional
    public Path thumbnail(long id) {
        Video video = get(id);
        Path file = storage.thumbnail(video.storageName());
        if (!Files.exists(file)) throw new NotFoundException("Thumbnail of video " + id);
        Session session = sessions.get(video.sessionId());
        audit.viewed(session.subjectId(), id, "thumbnail of video " + id);
        return file;
    }

    /** The video file itself, for playing in the browser; recorded in the audit log. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional
    public Path openForViewing(long id) {
        Video video = get(id);
        if (!video.hasVideo()) throw new NotFoundException("A video file of " + id + " (keypoints imported without a video)");
        Path file = storage.video(video.storageName());
        if (!Files.exists(file)) throw new NotFoundException("The file of video " + id);
        Session session = sessions.get(video.sessionId());
        audit.viewed(session.subjectId(), id, "played video " + id);
        return file;
    }

    static Video map(ResultSet rs, int n) throws SQLException {
        return new Video(rs.getLong("id"), rs.getLong("session_id"), rs.getObject("storage_name", UUID.class),
                rs.getString("original_name"), rs.getLong("size_bytes"), rs.getString("container"), rs.getString("codec"),
                rs.getInt("width"), rs.getInt("height"), rs.getInt("rotation_deg"), rs.getLong("frames"),
                rs.getDouble("duration_s"), rs.getDouble("nominal_fps"), rs.getBoolean("variable_frame_rate"),
                rs.getBoolean("has_audio"), VideoStatus.of(rs.getString("status")), rs.getString("status_message"),
                rs.getString("uploaded_by_name"), rs.getObject("uploaded_at", OffsetDateTime.class), "keypoints".equals(rs.getString("media")));
    }
}
