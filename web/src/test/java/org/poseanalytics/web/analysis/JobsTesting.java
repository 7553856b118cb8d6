package org.poseanalytics.web.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waiting for jobs by reading their rows, as the UI does. */
final class JobsTesting {
    private JobsTesting() {}

    static JobProgress awaitJob(JdbcClient jdbc, UUID jobId, Duration timeout, Predicate<JobProgress> until) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobProgress last = null;
        while (System.nanoTime() < deadline) {
            last = jdbc.sql(JobRecords.SELECT + " where j.job_id = :id").param("id", jobId).query(JobRecords::map).optional().orElse(null);
            if (last != null && until.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not get there within " + timeout + "; last seen: " + (last == null ? "no row" : last.describe() + " " + last));
    }

    static UUID latestJobOf(JdbcClient jdbc, long videoId) {
        return jdbc.sql("select job_id from analysis_job where video_id = :v order by created_at desc limit 1")
                .param("v", videoId).query(UUID.class).single();
    }

    /** The squat video n times in a row: long enough to kill a worker in the middle of it. */
    static void concatenate(Path source, Path target, int times) throws Exception {
        try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(source.toFile())) {
            probe.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), probe.getImageWidth(), probe.getImageHeight(), 0)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(probe.getFrameRate());
                recorder.setVideoBitrate(2_000_000);
                recorder.start();
                for (int i = 0; i < times; i++) {
                    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(source.toFile())) {
                        g.start();
                        Frame f;
                        while ((f = g.grabImage()) != null) recorder.record(f);
                    }
                }
                recorder.stop();
            }
        }
    }
}
