package org.poseanalytics.web.analysis;

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
    private final FairDispatch dispatch;

    AnalysisJobs(JobRecords records, JobRequestScheduler scheduler, CurrentUser currentUser, VideoService videos,
                 SessionService sessions, PoseModelChoices models, FairDispatch dispatch) {
        this.dispatch = dispatch;
        this.records = records;
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
        enqueue(upload.clinicId(), upload.videoId(), null, session.exercise().id(), null, currentUser.get().accountId());
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
        UUID id = enqueue(currentUser.clinicId(), videoId, models.offered(model),
                exercise == null || exercise.isBlank() ? session.exercise().id() : exercise, subjectTrackId,
                currentUser.get().accountId());
        return records.get(id).orElseThrow();
    }

    /** Stops the video's running or queued analysis; its earlier results (if any) stay. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public Optional<JobProgress> cancel(long videoId) {
        videos.get(videoId);
        Optional<JobProgress> active = latest(videoId).filter(j -> j.state().active());
        if (active.isEmpty()) return Optional.empty();
        UUID id = active.get().jobId();
        records.requestCancel(id, currentUser.get().displayName());
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
        UUID id = UUID.randomUUID();
        records.insertQueued(id, clinicId, videoId, model, exercise, subjectTrackId, requestedBy);
        // Handed to JobRunr when a worker is free and it is this clinic's turn (now, if nobody waits).
        dispatch.dispatchQuietly();
        log.info("Queued analysis job {} for video {} (model {}, exercise {}, subject {})", id, videoId, model == null ? "default" : model,
                exercise, subjectTrackId == null ? "automatic" : "track " + subjectTrackId);
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
