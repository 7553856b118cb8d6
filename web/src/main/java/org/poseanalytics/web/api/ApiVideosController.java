package org.poseanalytics.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.analysis.Analysis;
import org.poseanalytics.web.analysis.AnalysisJobs;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.JobProgress;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.keypoints.KeypointImport;
import org.poseanalytics.web.keypoints.KeypointUpload;
import org.poseanalytics.web.keypoints.KeypointUploads;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.UploadRejectedException;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Videos and their analysis over /api/v1: the upload goes through {@link VideoService#store} exactly as the page's
 * (checked by its content in the decoder process, refused with the reason: 422), and is queued for analysis on its own;
 * the analysis' state is read from the same job rows as the pages' progress bars.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Videos and analysis")
class ApiVideosController {
    private final VideoService videos;
    private final SessionService sessions;
    private final AnalysisJobs jobs;
    private final AnalysisQueries queries;
    private final AuditService audit;

    private final KeypointUploads keypoints;

    ApiVideosController(VideoService videos, SessionService sessions, AnalysisJobs jobs, AnalysisQueries queries, AuditService audit,
                        KeypointUploads keypoints) {
        this.keypoints = keypoints;
        this.videos = videos;
        this.sessions = sessions;
        this.jobs = jobs;
        this.queries = queries;
        this.audit = audit;
    }

    /** A stored video and what the check read from it (frame size with rotation applied). */
    record ApiVideo(long id, long sessionId, String originalName, long sizeBytes, String container, String codec, int width,
                    int height, int rotationDeg, long frames, double durationS, double nominalFps, boolean variableFrameRate,
                    String status, String statusMessage, String uploadedBy, OffsetDateTime uploadedAt, boolean hasVideo) {
        static ApiVideo of(Video v) {
            return new ApiVideo(v.id(), v.sessionId(), v.originalName(), v.sizeBytes(), v.container(), v.codec(), v.width(), v.height(),
                    v.rotationDeg(), v.frames(), v.durationS(), v.nominalFps(), v.variableFrameRate(), v.status().code(),
                    v.statusMessage(), v.uploadedBy(), v.uploadedAt(), v.hasVideo());
        }
    }

    /**
     * Where a video's analysis stands. Poll until {@code state} is no longer queued or running: succeeded (then
     * {@code result} is set and the results can be read), failed or cancelled (then {@code message} says why).
     * {@code state} is "none" for a video never queued.
     */
    record AnalysisStatus(long videoId, String state, String stage, String stageText, int percent, Long etaSeconds,
                          String message, String videoStatus, String videoStatusMessage, String jobId, String model,
                          String exercise, OffsetDateTime queuedAt, OffsetDateTime finishedAt, Result result) {}

    /** The analysis the results are read from: the video's latest complete one. */
    record Result(long analysisId, String model, String modelVersion, String exercise, boolean exerciseGuessed, int frames,
                  int framesWithPose, List<String> angleColumns, String scaleSource, Double metresPerPx, OffsetDateTime completedAt) {}

    @Operation(operationId = "listVideos", summary = "A session's videos")
    @GetMapping(path = "/api/v1/sessions/{id}/videos", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApiVideo> list(@PathVariable long id) {
        List<ApiVideo> out = videos.listForSession(id).stream().map(ApiVideo::of).toList();
        audit.viewed(sessions.get(id).subjectId(), null, "videos of session " + id + " over the API");
        return out;
    }

    @Operation(operationId = "uploadVideo", summary = "Upload a video to a session (multipart field 'file'); it is checked, stored and queued for analysis",
            description = "Clinicians and admins. A file that is not a readable video within the upload limits is refused with 422 and the reason; nothing of it is kept.")
    @PostMapping(path = "/api/v1/sessions/{id}/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiVideo> upload(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        Video v;
        try (InputStream in = file.getInputStream()) {
            v = videos.store(id, file.getOriginalFilename(), in);
        } catch (UploadRejectedException e) {
            throw new UserInputException(e.getMessage(), "file");
        }
        return ResponseEntity.created(URI.create("/api/v1/videos/" + v.id())).body(ApiVideo.of(v));
    }

    /** A stored keypoint upload: its file, the video row its analysis belongs to, what its content was found to be, the analysis. */
    record KeypointUploadResult(long keypointFileId, long videoId, boolean withVideo, String originalName, long sizeBytes, String format,
                                String packaging, int files, AnalysisStatus analysis) {}

    @Operation(operationId = "uploadKeypoints",
            summary = "Upload keypoints made by another tool to a session (multipart field 'file'); stored and queued for analysis",
            description = "Clinicians and admins. An OpenPose JSON folder as a .zip of its *_keypoints.json files (BODY_25 or COCO-18), one"
                    + " MediaPipe/BlazePose .json, or a Sports2D/Pose2Sim .trc, told apart by content. With videoId the keypoints are that"
                    + " video's (the analysis job checks frame rate, frame count and frame size against it; a .trc cannot be attached);"
                    + " without, they get a video row of their own without a video (videoId in the answer). fps and frameSize (WxH) are"
                    + " for files that do not state them (OpenPose's always needs them without a video). A file that is not such a"
                    + " file, too large, or an archive over its limits or naming paths outside itself is refused with 422 and the"
                    + " reason; nothing of it is kept. Then poll GET /api/v1/videos/{videoId}/analysis.")
    @PostMapping(path = "/api/v1/sessions/{id}/keypoints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KeypointUploadResult> uploadKeypoints(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                         @Parameter(description = "a video of the session the keypoints were made from") @RequestParam(required = false) Long videoId,
                                                         @Parameter(description = "frames per second, when the file does not state it") @RequestParam(required = false) Double fps,
                                                         @Parameter(description = "frame size in pixels as WxH, when the file does not state it") @RequestParam(required = false) String frameSize) throws IOException {
        KeypointUpload upload = new KeypointUpload(videoId, fps, KeypointUpload.frameSize(frameSize));
        KeypointImport k;
        try (InputStream in = file.getInputStream()) {
            k = keypoints.store(id, file.getOriginalFilename(), in, upload);
        } catch (UploadRejectedException e) {
            throw new UserInputException(e.getMessage(), "file");
        }
        return ResponseEntity.created(URI.create("/api/v1/videos/" + k.videoId() + "/analysis")).body(new KeypointUploadResult(k.keypointFileId(),
                k.videoId(), k.withVideo(), k.originalName(), k.sizeBytes(), k.format().id(), k.packaging().id(), k.files(), status(k.videoId())));
    }

    @Operation(operationId = "getVideo", summary = "One video")
    @GetMapping(path = "/api/v1/videos/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiVideo video(@PathVariable long id) {
        Video v = videos.get(id);
        audit.viewed(videos.subjectIdOf(v), id, "video " + id + " over the API");
        return ApiVideo.of(v);
    }

    @Operation(operationId = "getAnalysis", summary = "Where the video's analysis stands, and the result once it succeeded")
    @GetMapping(path = "/api/v1/videos/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    AnalysisStatus status(@PathVariable long id) {
        Video video = videos.get(id);
        audit.viewed(videos.subjectIdOf(video), id, "analysis of video " + id + " over the API");
        Optional<JobProgress> job = jobs.latest(id);
        Result result = queries.latestComplete(id).map(this::result).orElse(null);
        return job.map(j -> new AnalysisStatus(id, j.state().code(), j.stage(), j.stage() == null ? null : JobProgress.stageText(j.stage()),
                        j.percent(), j.etaSeconds(), j.message(), video.status().code(), video.statusMessage(), j.jobId().toString(),
                        j.model(), j.exercise(), j.createdAt(), j.finishedAt(), result))
                .orElseGet(() -> new AnalysisStatus(id, result == null ? "none" : "succeeded", null, null, result == null ? 0 : 100, null,
                        null, video.status().code(), video.statusMessage(), null, null, null, null, null, result));
    }

    @Operation(operationId = "startAnalysis", summary = "Analyse the video (again), optionally with another model, exercise, person or scale (clinicians and admins)")
    @PostMapping(path = "/api/v1/videos/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AnalysisStatus> start(@PathVariable long id,
                                         @Parameter(description = "pose model, as the analysis page offers") @RequestParam(required = false) String model,
                                         @Parameter(description = "exercise id; default: the session's") @RequestParam(required = false) String exercise,
                                         @Parameter(description = "the person to analyse, by the number the analysis page shows") @RequestParam(required = false) Integer subjectTrack,
                                         @Parameter(description = "line, subject_height or none; default: the line, else the height") @RequestParam(required = false) String scale) {
        Scale.Source source;
        try {
            source = scale == null || scale.isBlank() ? null : Scale.Source.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("Unknown scale “" + scale + "”: line, subject_height or none.", "scale");
        }
        jobs.analyseAgain(id, model, exercise, subjectTrack, source);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(id));
    }

    @Operation(operationId = "cancelAnalysis", summary = "Cancel the video's queued or running analysis (clinicians and admins)")
    @PostMapping(path = "/api/v1/videos/{id}/analysis/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    AnalysisStatus cancel(@PathVariable long id) {
        jobs.cancel(id);
        return status(id);
    }

    private Result result(Analysis a) {
        return new Result(a.id(), a.model(), a.modelVersion(), a.exercise(), a.exerciseGuessed(), a.frames(), a.framesWithPose(),
                queries.angles(a.id()).series().stream().map(s -> s.column()).toList(), a.scale().source().id(),
                a.scale().known() ? a.scale().metresPerPx() : null, a.completedAt());
    }
}
