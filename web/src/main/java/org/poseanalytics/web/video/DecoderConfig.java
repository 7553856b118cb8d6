package org.poseanalytics.web.video;

import java.time.Duration;
import org.poseanalytics.kinematics.pipeline.VideoPoints;
import org.poseanalytics.kinematics.pipeline.VideoPoses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The {@link Decoder} of {@code pose.decode.isolation}: {@code process} (the default) or {@code inline}; and where the
 * analysis job's poses and followed points come from under the same setting: an {@link IsolatedAnalysis} worker
 * process, or this JVM ({@link VideoPoses}, {@link VideoPoints}, as the command line does).
 */
@Configuration(proxyBeanMethods = false)
class DecoderConfig {
    @Bean
    Decoder decoder(@Value("${pose.decode.isolation:process}") String isolation,
                    @Value("${pose.decode.heap:768m}") String heap,
                    @Value("${pose.decode.address-space:6GB}") DataSize addressSpace,
                    @Value("${pose.decode.threads:2}") int threads,
                    @Value("${pose.decode.check-timeout:2m}") Duration checkTimeout,
                    @Value("${pose.decode.conversion-timeout:2h}") Duration conversionTimeout,
                    @Value("${pose.decode.concurrent-checks:0}") int concurrentChecks) {
        return switch (isolation.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inline" -> new InlineDecoder();
            case "process" -> new IsolatedDecoder(new IsolatedDecoder.Limits(heap, addressSpace.toBytes(), Math.max(1, threads),
                    checkTimeout, conversionTimeout), concurrentChecks > 0 ? concurrentChecks : Runtime.getRuntime().availableProcessors());
            default -> throw unknown(isolation);
        };
    }

    /**
     * The analysis worker's limits: the pose model needs more memory than a probe, hence its own heap and address space
     * ({@code pose.decode.analysis-*}); the timeout bounds a whole job's decoding and inference.
     */
    @Bean
    AnalysisSources analysisSources(@Value("${pose.decode.isolation:process}") String isolation,
                                    @Value("${pose.decode.analysis-heap:1g}") String heap,
                                    @Value("${pose.decode.analysis-address-space:12GB}") DataSize addressSpace,
                                    @Value("${pose.decode.analysis-timeout:4h}") Duration timeout) {
        return switch (isolation.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inline" -> new AnalysisSources(new VideoPoses(), new VideoPoints());
            case "process" -> {
                IsolatedAnalysis worker = new IsolatedAnalysis(new IsolatedAnalysis.Limits(heap, addressSpace.toBytes(), timeout));
                yield new AnalysisSources(worker, worker);
            }
            default -> throw unknown(isolation);
        };
    }

    private static IllegalStateException unknown(String isolation) {
        return new IllegalStateException("pose.decode.isolation (POSE_DECODE_ISOLATION) is \"" + isolation + "\"; use process or inline");
    }
}
