package org.poseanalytics.web.analysis;

import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.web.video.VideoUploaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Analysis jobs as users ask for and watch them: every upload is queued for analysis, a clinician can analyse a
 * video again (another model or template) or cancel, and anyone of the clinic can see how far a job is. The work
 * itself is {@link AnalyseVideoHandler} on whichever node runs JobRunr's background server.
 */
@Service
public class AnalysisJobs {
    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

    private final JobRecords records;
    private final JobRequestScheduler scheduler;
    private final CurrentUser currentUser;
    private final VideoService videos;
    private final SessionService sessions;
    private final PoseModelChoices models;
    private final SubjectService subjects;
    private final ScaleLines scaleLines;
    private final AuditService audit;
    private final FairDispatch dispatch;

    AnalysisJobs(JobRecords records, JobRequestScheduler scheduler, CurrentUser currentUser, VideoService videos,
                 SessionService sessions, PoseModelChoices models, SubjectService subjects, ScaleLines scaleLines,
                 AuditService audit, FairDispatch dispatch) {
        this.subjects = subjects;
        this.scaleLines = scaleLines;
        this.dispatch = dispatch;
        this.records = records;
        this.audit = audit;
        this.scheduler = scheduler;
        this.currentUser = currentUser;
        this.videos = videos;
        this.sessions = sessions;
        this.models = models;
    }

    /** The pose models a user may choose for "Analyse again" (names, never files). */
    public List<String> modelNames() { return models.names(); }

    /**
     * Every upload is analysed: {@link VideoService#store} publishes {@link VideoUploaded} as it records the video, and
     * this (its one listener) queues the analysis with the session's exercise once that transaction has committed, so
     * the job finds the video wherever it runs. Still on the uploading request's thread: the uploader is the principal.
     */
    @TransactionalEventListener
    void analyseUpload(VideoUploaded upload) {
        Session session = sessions.get(upload.sessionId());
        enqueue(upload.clinicId(), upload.videoId(), null, session.exercise().id(), null, currentUser.get().accountId(),
                scale(upload.videoId(), session, null));
    }

    /**
     * Analyses a video again, e.g. with another model or exercise template. The earlier results stay visible until
     * the new ones are complete, and stay stored (labelled by model and template) afterwards.
     *
     * @param model    one of {@link #modelNames()}; null or blank for the workers' default
     * @param exercise template id; null for the session's exercise
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public JobProgress analyseAgain(long videoId, String model, String exercise) {
        return analyseAgain(videoId, model, exercise, null);
    }

    /**
     * Analyses a video again with a chosen person as the subject: when several people are in the video and the default
     * rule (most present, most central) picked the wrong one. The id is a track id as the analysis page numbers the
     * people ("Person 2"); one that the new analysis does not find fails the job for good, with the reason.
     *
     * @param subjectTrackId the person to analyse; null lets the default rule choose
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public JobProgress analyseAgain(long videoId, String model, String exercise, Integer subjectTrackId) {
        return analyseAgain(videoId, model, exercise, subjectTrackId, null);
    }

    /**
     * Analyses a video again with distances in metres from the chosen scale source: the video's scale line
     * ({@link ScaleLines}), the subject's standing height, or none (pixels). The line or height is taken as it is now
     * and kept with the job.
     *
     * @param scale null for {@link #defaultScaleSource the default}
     * @throws UserInputException when the source chosen has nothing to scale from (no line drawn, no height stored)
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public JobProgress analyseAgain(long videoId, String model, String exercise, Integer subjectTrackId, Scale.Source scale) {
        if (subjectTrackId != null && subjectTrackId < 0) {
            throw new UserInputException("There is no person " + subjectTrackId + "; choose one of the numbered people on the analysis page.");
        }
        Video video = videos.get(videoId);
        Optional<JobProgress> active = latest(videoId).filter(j -> j.state().active());
        if (active.isPresent()) {
            throw new UserInputException("This video is already being analysed (" + active.get().describe()
                    + "). Wait for it to finish or cancel it first.");
        }
        Session session = sessions.get(video.sessionId());
        ScaleSpec spec = scale(videoId, session, scale);
        // An analysis of imported keypoints is repeated from the same keypoints (a row without a video has nothing else).
        Long keypointFile = records.latestKeypointFile(currentUser.clinicId(), videoId).orElse(null);
        String offered = keypointFile != null ? null : models.offered(model);
        String template = exercise == null || exercise.isBlank() ? session.exercise().id() : exercise;
        UUID id = enqueue(currentUser.clinicId(), videoId, offered, template, subjectTrackId, currentUser.get().accountId(), spec, keypointFile);
        audit.record(AuditAction.CHANGED, session.subjectId(), videoId, "analysis of video " + videoId + " requested again ("
                + (keypointFile != null ? "keypoint file " + keypointFile : "model " + (offered == null ? "default" : offered)) + ", exercise " + template
                + (subjectTrackId == null ? "" : ", person " + subjectTrackId) + ", scale " + spec.source().id() + ")");
        return records.get(id).orElseThrow();
    }

    /**
     * Queues the analysis of an uploaded keypoint file (issue 18) of this video: the keypoints are read by the job instead
     * of the video being decoded, and go through the same tracking and kinematics into the same tables. The video is one
     * the keypoints were attached to, or the import's own row without a video. The caller (the upload) audits the upload.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    public JobProgress analyseKeypoints(long videoId, long keypointFileId) {
        Video video = videos.get(videoId);
        refuseWhileActive(videoId);
        Session session = sessions.get(video.sessionId());
        UUID id = enqueue(currentUser.clinicId(), videoId, null, session.exercise().id(), null, currentUser.get().accountId(),
                scale(videoId, session, null), keypointFileId);
        return records.get(id).orElseThrow();
    }

    /** Refuses a second analysis of a video while one is queued or running. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public void refuseWhileActive(long videoId) {
        Optional<JobProgress> active = latest(videoId).filter(j -> j.state().active());
        if (active.isPresent()) {
            throw new UserInputException("This video is already being analysed (" + active.get().describe()
                    + "). Wait for it to finish or cancel it first.");
        }
    }

    /**
     * The scale source an analysis of this video uses unless one is chosen: the video's scale line when one is drawn
     * (made for this camera position), else the subject's standing height when stored, else none.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public Scale.Source defaultScaleSource(long videoId) {
        Video video = videos.get(videoId);
        if (scaleLines.of(videoId).isPresent()) return Scale.Source.LINE;
        return subjects.get(sessions.get(video.sessionId()).subjectId()).heightM() != null ? Scale.Source.SUBJECT_HEIGHT : Scale.Source.NONE;
    }

    /** What the job is given for a source: the line or height as stored now; a source with nothing stored is refused. */
    private ScaleSpec scale(long videoId, Session session, Scale.Source source) {
        Optional<ScaleLine> line = scaleLines.of(videoId);
        Double height = subjects.get(session.subjectId()).heightM();
        if (source == null) {
            source = line.isPresent() ? Scale.Source.LINE : height != null ? Scale.Source.SUBJECT_HEIGHT : Scale.Source.NONE;
        }
        return switch (source) {
            case NONE -> new ScaleSpec.None();
            case LINE -> line.<ScaleSpec>map(ScaleLine::line).orElseThrow(() -> new UserInputException(
                    "No scale line is drawn on this video. Pause on a frame, use “Draw a scale line…” and click both ends of"
                            + " something of known length, or choose another scale.", "scale"));
            case SUBJECT_HEIGHT -> {
                if (height == null) throw new UserInputException("The standing height of " + session.subjectName()
                        + " is not stored. Enter it on the subject's page (Edit), or choose another scale.", "scale");
                yield new ScaleSpec.SubjectHeight(height);
            }
        };
    }

    /** Stops the video's running or queued analysis; its earlier results (if any) stay. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Optional<JobProgress> cancel(long videoId) {
        Video video = videos.get(videoId);
        Optional<JobProgress> active = latest(videoId).filter(j -> j.state().active());
        if (active.isEmpty()) return Optional.empty();
        UUID id = active.get().jobId();
        records.requestCancel(id, currentUser.get().displayName());
        audit.record(AuditAction.CHANGED, videos.subjectIdOf(video), videoId, "analysis of video " + videoId + " cancelled");
        // A queued job is removed from the queue; a running one is interrupted by its server, and stops at the next
        // frame anyway through the cancel flag it reads with every progress update.
        try {
            scheduler.delete(id);
        } catch (RuntimeException e) {
            log.warn("JobRunr could not delete job {}: {}", id, e.getMessage());
        }
        return records.get(id);
    }

    /** The video's most recent analysis job, if it ever had one. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<JobProgress> latest(long videoId) {
        return records.latestOf(currentUser.clinicId(), List.of(videoId)).stream().findFirst();
    }

    /** The latest job of each video (for a session's page), by video id. */
    @PreAuthorize("hasRole('VIEWER')")
    public Map<Long, JobProgress> latest(Collection<Long> videoIds) {
        return latestOf(currentUser.clinicId(), videoIds);
    }

    /** For push updates from a background thread: the clinic comes from the page that registered, not a principal. */
    public Map<Long, JobProgress> latestOf(long clinicId, Collection<Long> videoIds) {
        return records.latestOf(clinicId, videoIds).stream().collect(Collectors.toMap(JobProgress::videoId, Function.identity()));
    }

    UUID enqueue(long clinicId, long videoId, String model, String exercise, Integer subjectTrackId, Long requestedBy) {
        return enqueue(clinicId, videoId, model, exercise, subjectTrackId, requestedBy, new ScaleSpec.None());
    }

    UUID enqueue(long clinicId, long videoId, String model, String exercise, Integer subjectTrackId, Long requestedBy, ScaleSpec scale) {
        return enqueue(clinicId, videoId, model, exercise, subjectTrackId, requestedBy, scale, null);
    }

    UUID enqueue(long clinicId, long videoId, String model, String exercise, Integer subjectTrackId, Long requestedBy, ScaleSpec scale,
                 Long keypointFileId) {
        UUID id = UUID.randomUUID();
        records.insertQueued(id, clinicId, videoId, model, exercise, subjectTrackId, requestedBy, scale, keypointFileId);
        // Handed to JobRunr when a worker is free and it is this clinic's turn (now, if nobody waits).
        dispatch.dispatchQuietly();
        log.info("Queued analysis job {} for video {} (model {}, exercise {}, subject {}, scale {})", id, videoId, model == null ? "default" : model,
                exercise, subjectTrackId == null ? "automatic" : "track " + subjectTrackId, scale.source().id());
        return id;
    }

    /**
     * Handing a job over is two writes (the row's dispatched_at, the JobRunr job); should the app die between them the
     * row would wait forever. On start, JobRunr is asked again for every row handed over but not started: enqueueing
     * with the same id is idempotent. Rows not handed over yet wait for {@link FairDispatch}.
     */
    @EventListener(ApplicationReadyEvent.class)
    void requeueStranded() {
        for (UUID id : records.queuedBefore(OffsetDateTime.now().minusMinutes(1))) {
            try {
                scheduler.enqueue(id, new AnalyseVideo(id));
            } catch (RuntimeException e) {
                log.debug("Job {} already known to JobRunr: {}", id, e.getMessage());
            }
        }
    }

}
