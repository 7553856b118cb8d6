package org.poseanalytics.web.recording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.MultiViewPipeline;
import org.poseanalytics.kinematics.pipeline.MultiViewRequest;
import org.poseanalytics.kinematics.pipeline.MultiViewResult;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.PoseModelChoices;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.video.AnalysisSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs one recording's triangulation on whichever node's JobRunr server picked it up: the library's
 * {@link MultiViewPipeline} (exactly {@code pose-analytics analyze3d}), then {@link AnalysisStore#saveMultiView}. As for
 * one video, a failure another try will not fix (no person, no overlap, a bad calibration) ends the job with its reason
 * for the user instead of a retry, and a re-run never stores twice (the result is keyed by a job id made from the
 * recording's id).
 */
@Component
public class AnalyseRecordingHandler implements JobRequestHandler<AnalyseRecording> {
    private static final Logger log = LoggerFactory.getLogger(AnalyseRecordingHandler.class);

    private final JdbcClient jdbc;
    private final AnalysisStore store;
    private final Storage storage;
    private final VideoLimits limits;
    private final PoseModelChoices models;
    private final int threads;

    /** The pipeline's run: videos in, triangulated result out. */
    @FunctionalInterface
    interface Measure {
        MultiViewResult run(MultiViewRequest request, AnalysisProgress progress) throws AnalysisException;
    }

    /** The pipeline with the app's pose source: every camera's file decoded in the separate analysis process. */
    private final Measure pipeline;
    private volatile Measure measure;

    /** The recording's pose model (null: the workers' default, {@code pose.model}; an HRNet name turned into its weights) sees every view. */
    AnalyseRecordingHandler(JdbcClient jdbc, AnalysisStore store, Storage storage, VideoLimits uploadLimits,
                            PoseModelChoices models, @Value("${pose.jobs.threads-per-job:0}") int threads,
                            AnalysisSources sources) {
        this.jdbc = jdbc;
        this.store = store;
        this.storage = storage;
        this.limits = uploadLimits;
        this.models = models;
        this.threads = threads;
        this.pipeline = (request, progress) -> new MultiViewPipeline(sources.poses()).run(request, progress);
        this.measure = pipeline;
    }

    /** The id the recording's analysis is stored under: the same on every run of its job. */
    static UUID jobId(long recordingId) {
        return UUID.nameUUIDFromBytes(("multiview-recording-" + recordingId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @Job(name = "Triangulate multi-camera recording %0", retries = 2)
    public void run(AnalyseRecording job) throws Exception {
        long id = job.recordingId();
        var found = RecordingRows.work(jdbc, id);
        if (found.isEmpty()) {
            log.info("Recording {}: deleted before its triangulation ran", id);
            return;
        }
        RecordingRows.Work work = found.get();
        RecordingRows.state(jdbc, id, "running", null, 0);
        try {
            MultiViewRequest request = request(work);
            MultiViewResult r = measure.run(request, new AnalysisProgress() {
                private double last;

                @Override
                public void update(Stage stage, double fraction, long framesDone, long framesTotal) {
                    if (fraction - last < 0.02 && stage != Stage.DONE) return;
                    last = fraction;
                    RecordingRows.fraction(jdbc, id, fraction);
                }
            });
            store(work, r);
        } catch (AnalysisException e) {
            if (!e.permanent()) throw e;
            RecordingRows.state(jdbc, id, "failed", sentence(e.getMessage()), 0);
            log.info("Recording {}: failed for good: {}", id, e.getMessage());
        }
    }

    /**
     * For browser tests of the whole upload: the views' keypoints come from a known scene instead of a pose model (which
     * finds no person in a rendered stick figure); everything else (the stored videos, the job, the store) is the app's.
     * Null restores the pipeline.
     */
    void measureWith(Measure m) {
        this.measure = m != null ? m : pipeline;
    }

    /** Stores a result of the pipeline for the recording; public to the package for tests that make one without videos. */
    long store(RecordingRows.Work work, MultiViewResult r) {
        var saved = store.saveMultiView(work.clinicId(), work.id(), work.videoIds().getFirst(), jobId(work.id()), work.createdBy(), r, false);
        RecordingRows.succeeded(jdbc, work.id(), saved.analysisId());
        log.info("Recording {}: triangulated, reprojection error mean {} px, stored as analysis {}", work.id(),
                r.summary().reprojectionErrorPx().mean(), saved.analysisId());
        return saved.analysisId();
    }

    private MultiViewRequest request(RecordingRows.Work work) throws AnalysisException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String exercise = null;
        for (long videoId : work.videoIds()) {
            var row = jdbc.sql("select v.storage_name, v.original_name, s.exercise from video v join session s on s.id = v.session_id where v.id = :id")
                    .param("id", videoId).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
            if (row.isEmpty()) throw new AnalysisException(AnalysisException.Kind.BAD_REQUEST, "a video of the recording was deleted");
            files.add(storage.video(UUID.fromString(row.get()[0])));
            names.add(row.get()[1]);
            exercise = row.get()[2];
        }
        Calibration cal = calibration(work);
        Exercise ex;
        try {
            ex = exercise == null || exercise.equals("other") ? null : Exercise.parse(exercise);
        } catch (IllegalArgumentException e) {
            ex = null;
        }
        return MultiViewRequest.of(cal, work.calibrationName(), files).withVideoNames(names).withModel(models.forPipeline(work.model())).withExercise(ex)
                .withThreads(threads).withLimits(limits);
    }

    private static Calibration calibration(RecordingRows.Work work) throws AnalysisException {
        try {
            return CalibrationUpload.read(work.calibrationName(), work.calibration());
        } catch (org.poseanalytics.web.UserInputException e) {
            throw new AnalysisException(AnalysisException.Kind.BAD_REQUEST, e.getMessage(), e);
        }
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "Unknown error.";
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
