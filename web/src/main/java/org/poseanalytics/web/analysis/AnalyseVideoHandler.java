package org.poseanalytics.web.analysis;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.keypoints.KeypointFiles;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.video.AnalysisSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one analysis job on whichever node's JobRunr server picked it up. JobRunr brings durability: the job is a
 * row in PostgreSQL; a worker that dies mid-job stops sending heartbeats and another server re-runs the job
 * (orphan detection); a thrown exception is retried with exponential backoff, {@value #RETRIES} times.
 *
 * <p>What this class adds: failures that another try will not fix (no person, undecodable file, cancelled) end the
 * job without an exception, so JobRunr does not retry them, and their reason goes to the video for the user; and a
 * re-run never stores twice (the result set is keyed by the job id, see AnalysisStore).
 */
@Component
public class AnalyseVideoHandler implements JobRequestHandler<AnalyseVideo> {
    static final int RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(AnalyseVideoHandler.class);

    private final JobRecords records;
    private final PoseModelChoices models;
    private final AnalysisStore store;
    private final Storage storage;
    private final int threads;
    private final String worker;
    private final VideoLimits limits;
    private final FairDispatch dispatch;
    private final AnalysisSources sources;
    private final KeypointFiles.Limits archiveLimits;

    /**
     * Inference threads per job are {@code pose.jobs.threads-per-job} (0 = the machine's cores divided among the
     * node's job workers). A job analyses a video within the upload limits and at most {@code pose.jobs.max-frames}
     * frames: a longer one fails for good with a message rather than holding the worker for hours (analysing only its
     * first part would give numbers for a part of the session nobody chose, under the whole video's name).
     */
    AnalyseVideoHandler(JobRecords records, PoseModelChoices models, AnalysisStore store, Storage storage,
                        @Value("${pose.jobs.threads-per-job:0}") int threadsPerJob,
                        @Value("${jobrunr.background-job-server.worker-count:1}") int workers,
                        VideoLimits uploadLimits, @Value("${pose.jobs.max-frames:120000}") long maxFrames, FairDispatch dispatch,
                        AnalysisSources sources, KeypointFiles.Limits archiveLimits) {
        this.archiveLimits = archiveLimits;
        this.dispatch = dispatch;
        this.sources = sources;
        this.limits = uploadLimits.withMaxFrames(Math.min(uploadLimits.maxFrames(), maxFrames));
        this.records = records;
        this.models = models;
        this.store = store;
        this.storage = storage;
        this.threads = threadsPerJob > 0 ? threadsPerJob : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
        this.worker = hostName() + ":" + ProcessHandle.current().pid();
    }

    @Override
    @Job(name = "Analyse video (job %0)", retries = RETRIES)
    public void run(AnalyseVideo request) throws Exception {
        try {
            analyse(request);
        } finally {
            // This worker is free (or its job waits for a retry): the next clinic's turn.
            dispatch.dispatchQuietly();
        }
    }

    private void analyse(AnalyseVideo request) throws Exception {
        UUID jobId = request.jobId();
        Optional<JobRecords.Work> claimed = records.start(jobId, worker);
        if (claimed.isEmpty()) {
            // A cancel asked while the job ran on a worker that then died leaves the row running: settle it.
            records.settleCancelRequest(jobId);
            log.info("Job {}: nothing to do (video deleted, job cancelled or already finished)", jobId);
            return;
        }
        JobRecords.Work work = claimed.get();
        log.info("Job {}: analysing {} {} on {} (attempt {})", jobId, work.keypoints() == null ? "video" : "keypoints of video", work.videoId(),
                worker, work.attempts());
        Path file = storage.video(work.storageName());
        DbProgress progress = new DbProgress(records, jobId);
        KeypointJob keypoints = null;
        try {
            AnalysisResult results;
            if (work.keypoints() != null) {
                // Keypoints another tool made (issue 18): no video to decode and no model to run, so the file is read here,
                // within the upload's and the job's limits, and goes through the same tracking and kinematics.
                keypoints = KeypointJob.open(storage, work.keypoints(), archiveLimits, limits.maxFrames());
                results = new AnalysisPipeline(keypoints.reader())
                        .run(request(keypoints.input(), KeypointJob.model(work.keypoints()), work, 1), progress);
            } else {
                if (!Files.isReadable(file)) {
                    throw new IllegalStateException("the video file is not readable at " + file + " on worker " + worker
                            + "; is the shared video storage (POSE_STORAGE_DIR) mounted on every worker?");
                }
                // The untrusted file is decoded and the pose model run in a worker process (pose.decode.isolation); this JVM
                // tracks and measures the numbers it streams back.
                results = sources.pipeline().run(request(file, models.forPipeline(work.model()), work, threads), progress);
            }
            progress.storing();
            if (work.keypoints() != null && !work.keypoints().withVideo()) records.recordImported(work.videoId(), results.video());
            AnalysisStore.Saved saved = store.save(work.clinicId(), work.videoId(), jobId, work.requestedBy(), results);
            records.succeeded(jobId, work.videoId(), summary(results), saved.alreadyStored() ? "stored by an earlier run of this job" : null);
            log.info("Job {}: video {} analysed, {} repetitions, {} angle columns, results stored in {} s", jobId, work.videoId(),
                    results.kinematics().repetitions().size(), results.kinematics().angles().series().size(), String.format(Locale.ROOT, "%.3f", saved.storeS()));
        } catch (AnalysisException e) {
            // An interrupt (JobRunr stopping a deleted job) has done its work once the analysis stopped; left set, it would
            // close this (virtual) thread's database connection on the calls below that record the outcome.
            if (e.kind() == AnalysisException.Kind.CANCELLED) Thread.interrupted();
            if (e.kind() == AnalysisException.Kind.CANCELLED && !records.cancelRequested(jobId)) {
                // Interrupted without a user's cancel: the server is stopping. Leave the job to run again.
                records.retrying(jobId, "Interrupted (the worker stopped); it will run again.");
                throw e;
            } else if (e.kind() == AnalysisException.Kind.CANCELLED) {
                records.cancelled(jobId, work.videoId(), null);
                log.info("Job {}: cancelled", jobId);
            } else if (e.permanent() && work.keypoints() != null) {
                // A keypoint file's reasons say what is wrong with it and what to do; a video's advice would mislead.
                String reason = ServerPaths.scrub(KeypointJob.userMessage(e.getMessage(), work.keypoints(), keypoints == null ? null : keypoints.input()));
                records.failed(jobId, work.videoId(), sentence(reason));
                log.info("Job {}: keypoints failed for good: {}", jobId, e.getMessage());
            } else if (e.permanent()) {
                // the pipeline names the file it read: the user knows it by the name they uploaded
                String reason = ServerPaths.scrub(String.valueOf(e.getMessage())
                        .replace(file.toString(), "“" + work.originalName() + "”")
                        .replace(work.storageName().toString(), "“" + work.originalName() + "”"));
                String advice = e.getCause() instanceof VideoOverLimitException
                        ? " Trim the video to the part to analyse and upload it again, or ask your administrator to raise the limit."
                        : advice(e.kind(), work.subjectTrackId());
                records.failed(jobId, work.videoId(), sentence(reason) + advice);
                log.info("Job {}: failed for good: {}", jobId, e.getMessage());
            } else {
                retryOrGiveUp(work, e);
            }
        } catch (RuntimeException | Error e) {
            if (records.cancelRequested(jobId)) {
                // JobRunr interrupts the thread of a deleted (cancelled) job; the library may fail in any way then.
                records.cancelled(jobId, work.videoId(), null);
                return;
            }
            retryOrGiveUp(work, e);
        } finally {
            if (keypoints != null) keypoints.close();
        }
    }

    /**
     * Exactly the analysis of {@code pose-analytics analyze}. The job names its model, which {@link PoseModelChoices}
     * turns into what the pipeline opens (a configured HRNet name into its weights file); none means this node's
     * {@code pose.model}. "both" and "none" as involved side have no uninvolved side to compare with: symmetry is then
     * stated left against right. The scale is the one the job was queued with (a line drawn or a height entered later
     * is for the next analysis).
     */
    private AnalysisRequest request(Path file, String model, JobRecords.Work work, int threads) throws AnalysisException {
        Exercise template;
        try {
            template = work.exercise() == null ? null : Exercise.parse(work.exercise());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(AnalysisException.Kind.BAD_REQUEST, e.getMessage(), e);
        }
        Side involved = "left".equals(work.involvedSide()) ? Side.LEFT : "right".equals(work.involvedSide()) ? Side.RIGHT : Side.NONE;
        return new AnalysisRequest(file, model, template, work.subjectTrackId(), List.of(), threads)
                .withInvolvedSide(involved).withLimits(limits).withScale(work.scale());
    }

    private void retryOrGiveUp(JobRecords.Work work, Throwable e) throws Exception {
        String logged = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String reason = ServerPaths.scrub(logged);
        if (work.attempts() > RETRIES) {
            records.failed(work.jobId(), work.videoId(), "The analysis failed " + work.attempts() + " times: " + sentence(reason)
                    + " Try “Analyse again” later; if it keeps failing, tell your administrator (job " + work.jobId() + ").");
        } else {
            records.retrying(work.jobId(), "Attempt " + work.attempts() + " failed (" + reason + "); trying again shortly.");
        }
        log.warn("Job {}: attempt {} failed: {}", work.jobId(), work.attempts(), logged, e);
        if (e instanceof Exception ex) throw ex;
        throw (Error) e;
    }

    static String summary(AnalysisResult r) {
        StringBuilder s = new StringBuilder();
        var exercise = r.kinematics().exercise();
        var repetitions = r.kinematics().repetitions();
        if (exercise != null) s.append(exercise.exercise().id()).append(exercise.guessed() ? " (guessed)" : "").append(" · ");
        if (!repetitions.isEmpty() || exercise != null) s.append(repetitions.size()).append(repetitions.size() == 1 ? " repetition · " : " repetitions · ");
        s.append(r.poses().framesWithPose()).append(" of ").append(r.poses().frames()).append(" frames with a pose · ").append(r.model());
        // What the user must know to read the figures (a file cut short, the subject in view for part of the video); the
        // scale's own warnings are shown beside the scale on the analysis page.
        AnalysisCodec.notes(r).forEach(w -> s.append(" · ⚠ ").append(w));
        return s.toString();
    }

    private static String advice(AnalysisException.Kind kind, Integer subjectTrackId) {
        if (kind == AnalysisException.Kind.BAD_REQUEST && subjectTrackId != null) {
            // The likely bad part of a request naming a person is the person (e.g. asked for with another model,
            // whose analysis numbered the people differently).
            return " Person " + subjectTrackId + " was asked for: open the analysis page and click one of the people drawn on the"
                    + " video, or use “Analyse again” to let the app choose the person.";
        }
        return switch (kind) {
            case NO_PERSON -> " Film the whole body, well lit, and upload the video again.";
            case UNREADABLE_VIDEO -> " Export the video again from the camera or phone (MP4 or MOV) and upload it again.";
            case MODEL_UNAVAILABLE -> " Ask your administrator to install the model or choose another one with “Analyse again”.";
            default -> "";
        };
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "Unknown error.";
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") || t.endsWith("?") ? t : t + ".";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** Progress into the job's row at most twice a second; the same statement reads the cancel flag. */
    static final class DbProgress implements AnalysisProgress {
        private static final long INTERVAL_NS = 500_000_000L;
        private final JobRecords records;
        private final UUID jobId;
        private long last;
        private volatile boolean cancelled;

        DbProgress(JobRecords records, UUID jobId) {
            this.records = records;
            this.jobId = jobId;
        }

        @Override
        public void update(Stage stage, double fraction, long framesDone, long framesTotal) {
            long now = System.nanoTime();
            boolean stageEnd = stage != Stage.POSES;
            if (!stageEnd && now - last < INTERVAL_NS) return;
            last = now;
            cancelled |= records.progress(jobId, stage.name().toLowerCase(), Math.min(0.97, fraction), framesDone, framesTotal);
        }

        void storing() { records.progress(jobId, "storing", 0.97, 0, 0); }

        @Override
        public boolean isCancelled() { return cancelled || Thread.currentThread().isInterrupted(); }
    }
}
