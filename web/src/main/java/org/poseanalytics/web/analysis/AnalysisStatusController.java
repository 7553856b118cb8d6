package org.poseanalytics.web.analysis;

import org.poseanalytics.web.audit.AuditService;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.web.UserInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A video's analysis over HTTP, for signed-in users of its clinic (another clinic's id answers 404 like a missing
 * one): {@code GET /api/videos/{id}/analysis} for the job's state, stage, percentage and time left plus the shown
 * result; {@code POST .../cancel} and {@code POST .../analysis} (clinicians) to analyse again, optionally with {@code model},
 * {@code exercise}, {@code subjectTrack} (the person to analyse, by the number the analysis page shows) and {@code scale}
 * ({@code line}: the video's scale line, {@code subject_height}, {@code none}; default: the line, else the height). The job's
 * progress is read from the same rows as the pages' live updates ({@link JobProgressPush}); refusals (404, 403, 409 with
 * the reason) are answered by {@code web.RestErrors}, as for every controller.
 */
@RestController
@ConditionalOnWebApplication
class AnalysisStatusController {
    private final AnalysisJobs jobs;
    private final AnalysisQueries queries;
    private final VideoService videos;
    private final AuditService audit;

    AnalysisStatusController(AnalysisJobs jobs, AnalysisQueries queries, VideoService videos, AuditService audit) {
        this.jobs = jobs;
        this.audit = audit;
        this.queries = queries;
        this.videos = videos;
    }

    /** @param job the latest job (null if the video was never queued); @param result the analysis the video shows */
    record Status(long videoId, String videoStatus, String videoStatusMessage, Job job, Result result) {}

    record Job(String id, String state, String stage, String stageText, int percent, long framesDone, long framesTotal,
               Long etaSeconds, int attempts, String worker, String model, String exercise, Integer subjectTrackId, String message,
               String description,
               String createdAt, String startedAt, String updatedAt, String finishedAt) {
        static Job of(JobProgress p) {
            return new Job(p.jobId().toString(), p.state().code(), p.stage(), p.stage() == null ? null : JobProgress.stageText(p.stage()),
                    p.percent(), p.framesDone(), p.framesTotal(), p.etaSeconds(), p.attempts(), p.worker(), p.model(), p.exercise(),
                    p.subjectTrackId(), p.message(), p.describe(), str(p.createdAt()), str(p.startedAt()), str(p.updatedAt()), str(p.finishedAt()));
        }
    }

    record Result(long analysisId, String model, String modelVersion, String exercise, boolean exerciseGuessed,
                  Integer subjectTrackId, boolean subjectChosenByUser, int frames, int framesWithPose, int repetitions, List<String> angleColumns, String completedAt,
                  ScaleUsed scale) {}

    /** The scale the analysis used, as summary.json states it: source, metres per pixel (null without), how. */
    record ScaleUsed(String source, Double metresPerPx, String method, String quality, List<String> warnings) {
        static ScaleUsed of(org.poseanalytics.kinematics.scale.Scale s) {
            return new ScaleUsed(s.source().id(), s.known() ? s.metresPerPx() : null, s.method(), s.rating().quality().id(), s.warnings());
        }
    }

    @GetMapping(path = "/api/videos/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    Status status(@PathVariable long id) {
        Video video = videos.get(id);
        audit.viewed(videos.subjectIdOf(video), id, "analysis of video " + id + " over the API");
        Optional<JobProgress> job = jobs.latest(id);
        Result result = queries.latestComplete(id).map(this::result).orElse(null);
        return new Status(id, video.status().code(), video.statusMessage(), job.map(Job::of).orElse(null), result);
    }

    @PostMapping(path = "/api/videos/{id}/analysis/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    Status cancel(@PathVariable long id) {
        jobs.cancel(id);
        return status(id);
    }

    @PostMapping(path = "/api/videos/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    Status analyseAgain(@PathVariable long id, @RequestParam(required = false) String model,
                        @RequestParam(required = false) String exercise, @RequestParam(required = false) Integer subjectTrack,
                        @RequestParam(required = false) String scale) {
        Scale.Source source;
        try {
            source = scale == null || scale.isBlank() ? null : Scale.Source.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("Unknown scale “" + scale + "”: line, subject_height or none.", "scale");
        }
        jobs.analyseAgain(id, model, exercise, subjectTrack, source);
        return status(id);
    }

    private Result result(Analysis a) {
        return new Result(a.id(), a.model(), a.modelVersion(), a.exercise(), a.exerciseGuessed(), a.subjectTrackId(),
                a.subjectChosenByUser(), a.frames(), a.framesWithPose(),
                queries.repetitions(a.id()).size(), queries.angles(a.id()).series().stream().map(c -> c.column()).toList(),
                str(a.completedAt()), ScaleUsed.of(a.scale()));
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }
}
