package org.poseanalytics.web.keypoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.UUID;
import org.poseanalytics.kinematics.keypoints.KeypointFileException;
import org.poseanalytics.kinematics.keypoints.KeypointFiles;
import org.poseanalytics.kinematics.keypoints.KeypointFormat;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.analysis.AnalysisJobs;
import org.poseanalytics.web.analysis.JobProgress;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.FileNames;
import org.poseanalytics.web.video.UploadRejectedException;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Keypoints made by other tools, uploaded to a session (issue 18). An upload is streamed to a temp file within
 * {@code pose.keypoints.max-size}, told apart by its content ({@link KeypointFiles#detect}: an OpenPose archive is read to
 * its end within the archive limits, a JSON file must be well-formed), and only then moved under a generated name and
 * recorded, with the upload in the audit log; its analysis is queued like a video's ({@link AnalysisJobs#analyseKeypoints}).
 * Parsing the keypoints is the job's. A refused upload leaves no row and no file.
 *
 * <p>Attached to one of the session's videos, the keypoints are analysed as that video's (the overlay is drawn on it; the
 * job checks that frame rate, frame count and frame size agree). Without a video, they get a video row of their own
 * without a video ({@link VideoService#insertKeypointsOnly}).
 */
@Service
public class KeypointUploads {
    private static final Logger log = LoggerFactory.getLogger(KeypointUploads.class);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final VideoService videos;
    private final AnalysisJobs jobs;
    private final AuditService audit;
    private final Storage storage;
    private final TransactionTemplate tx;
    private final DataSize maxSize;
    private final KeypointFiles.Limits archiveLimits;

    KeypointUploads(JdbcClient jdbc, CurrentUser currentUser, SessionService sessions, VideoService videos, AnalysisJobs jobs,
                    AuditService audit, Storage storage, TransactionTemplate tx,
                    @Value("${pose.keypoints.max-size:100MB}") DataSize maxSize, KeypointFiles.Limits archiveLimits) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.videos = videos;
        this.jobs = jobs;
        this.audit = audit;
        this.storage = storage;
        this.tx = tx;
        this.maxSize = maxSize;
        this.archiveLimits = archiveLimits;
    }

    public DataSize maxSize() { return maxSize; }

    /**
     * Stores one keypoint file for a session and queues its analysis. Not one transaction end to end: the rows are written
     * in a short transaction once the file has passed every check; the job is queued after that commits.
     *
     * @throws UploadRejectedException with the reason and what to do, when the file or what was said with it is refused
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public KeypointImport store(long sessionId, String sentFileName, InputStream content, KeypointUpload upload) throws IOException {
        Session session = sessions.get(sessionId);
        String displayName = FileNames.displayName(sentFileName);
        Video video = null;
        if (upload.videoId() != null) {
            video = videos.get(upload.videoId());
            if (video.sessionId() != sessionId || !video.hasVideo())
                throw new UploadRejectedException("“" + displayName + "” was not stored: keypoints can be attached only to a video of this session.");
            jobs.refuseWhileActive(video.id());
        }
        Path temp = storage.newTempFile();
        UUID name = UUID.randomUUID();
        boolean moved = false;
        try {
            long size = copyLimited(content, temp, displayName);
            KeypointFiles.Detected detected;
            try {
                detected = KeypointFiles.detect(temp, "“" + displayName + "”", archiveLimits);
            } catch (KeypointFileException e) {
                log.info("Rejected a keypoint upload to session {}: {}", sessionId, e.getMessage());
                throw new UploadRejectedException("“" + displayName + "” was not stored: " + withoutName(e.getMessage(), displayName) + ".");
            }
            refuseUnusable(detected, video, upload, displayName);
            storage.moveIn(temp, storage.video(name));
            moved = true;
            Video attached = video;
            Stored stored = tx.execute(status -> insert(session, attached, name, displayName, size, detected, upload));
            log.info("Stored keypoint file {} ({} {}) for session {} as {}, video {}", stored.fileId(), detected.format().id(),
                    detected.packaging().id(), sessionId, name, stored.videoId());
            JobProgress job = jobs.analyseKeypoints(stored.videoId(), stored.fileId());
            return new KeypointImport(stored.fileId(), stored.videoId(), video != null, displayName, size, detected.format(),
                    detected.packaging(), detected.files(), job);
        } finally {
            Storage.deleteQuietly(temp);
            // Rows not written (any failure above or in the insert): the moved file must go too.
            if (moved && !exists(name)) storage.delete(name);
        }
    }

    /** A file fine in itself that cannot be analysed as asked: said at once, rather than by a failed job. */
    private static void refuseUnusable(KeypointFiles.Detected detected, Video video, KeypointUpload upload, String displayName) {
        String prefix = "“" + displayName + "” was not stored: ";
        if (detected.format() == KeypointFormat.TRC && video != null)
            throw new UploadRejectedException(prefix + "a .trc holds marker positions in metres, not the video's pixels, so it cannot be drawn on"
                    + " a video. Upload it without choosing a video.");
        if (detected.format() == KeypointFormat.OPENPOSE && detected.packaging() == KeypointFiles.Packaging.ZIP && video == null
                && (upload.fps() == null || upload.frameSize() == null))
            throw new UploadRejectedException(prefix + "OpenPose's files state neither the frame rate nor the frame size. Give the frames per"
                    + " second and the frame size (e.g. 1920x1080) of the video they were made from, or attach them to that video.");
    }

    private record Stored(long fileId, long videoId) {}

    private Stored insert(Session session, Video attached, UUID name, String displayName, long size, KeypointFiles.Detected detected,
                          KeypointUpload upload) {
        long clinic = currentUser.clinicId();
        long videoId = attached != null ? attached.id() : videos.insertKeypointsOnly(session.id(), name, displayName, size);
        long fileId = jdbc.sql("""
                        insert into keypoint_file (clinic_id, session_id, video_id, storage_name, original_name, size_bytes, format,
                                                   packaging, fps, frame_width, frame_height, uploaded_by)
                        values (:clinic, :session, :video, :name, :original, :size, :format, :packaging, :fps, :w, :h, :account)
                        returning id""")
                .param("clinic", clinic).param("session", session.id()).param("video", videoId).param("name", name)
                .param("original", displayName).param("size", size).param("format", detected.format().id())
                .param("packaging", detected.packaging().id()).param("fps", upload.fps(), Types.DOUBLE)
                .param("w", upload.frameSize() == null ? null : upload.frameSize().width(), Types.INTEGER)
                .param("h", upload.frameSize() == null ? null : upload.frameSize().height(), Types.INTEGER)
                .param("account", currentUser.get().accountId())
                .query(Long.class).single();
        audit.record(AuditAction.UPLOADED, session.subjectId(), videoId, "keypoint file " + fileId + " (" + detected.format().id() + ") to session "
                + session.id() + " of " + session.date() + (attached != null ? ", attached to video " + videoId : ", without a video"));
        return new Stored(fileId, videoId);
    }

    private boolean exists(UUID name) {
        return jdbc.sql("select exists (select 1 from keypoint_file where storage_name = :name)").param("name", name)
                .query(Boolean.class).single();
    }

    /** The detector's messages start with the file's name, which the caller's message already has. */
    private static String withoutName(String message, String displayName) {
        String quoted = "“" + displayName + "”";
        if (message.startsWith(quoted + ": ")) return message.substring(quoted.length() + 2);
        if (message.startsWith(quoted + " ")) return "it" + message.substring(quoted.length());
        return message;
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
                            + Video.humanSize(limit) + " for keypoint files. Upload the part to analyse (or ask your administrator to raise"
                            + " POSE_KEYPOINTS_MAX_SIZE).");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
