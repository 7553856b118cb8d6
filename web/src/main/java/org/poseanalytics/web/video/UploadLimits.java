package org.poseanalytics.web.video;

import java.time.Duration;
import java.util.Set;
import org.poseanalytics.pose.video.VideoLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link VideoLimits} every upload is checked against before anything decodes it, from {@code pose.upload.*}
 * (defaults {@link VideoLimits#DEFAULTS}); stored videos are opened within the same limits later (thumbnails, exports,
 * point tracking), and analysis jobs within these and {@code pose.jobs.max-frames}.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {
    @Bean
    VideoLimits videoLimits(@Value("${pose.upload.max-width:8192}") int maxWidth,
                            @Value("${pose.upload.max-height:8192}") int maxHeight,
                            @Value("${pose.upload.max-fps:240}") double maxFps,
                            @Value("${pose.upload.max-duration:2h}") Duration maxDuration,
                            @Value("${pose.upload.max-frames:1000000}") long maxFrames,
                            @Value("${pose.upload.containers:mov,mp4,matroska,webm,avi}") Set<String> containers,
                            @Value("${pose.upload.codecs:h264,hevc,vp8,vp9,av1,mpeg4,mjpeg,prores,ffv1,png}") Set<String> codecs) {
        return new VideoLimits(maxWidth, maxHeight, maxFps, maxDuration.toMillis() / 1000.0, maxFrames, containers, codecs);
    }
}
