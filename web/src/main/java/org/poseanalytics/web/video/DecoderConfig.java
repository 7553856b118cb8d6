package org.poseanalytics.web.video;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The {@link Decoder} of {@code pose.decode.isolation}: {@code process} (the default) or {@code inline}. */
@Configuration(proxyBeanMethods = false)
class DecoderConfig {
    @Bean
    Decoder decoder(@Value("${pose.decode.isolation:process}") String isolation,
                    @Value("${pose.decode.heap:768m}") String heap,
                    @Value("${pose.decode.address-space:6GB}") DataSize addressSpace,
                    @Value("${pose.decode.threads:2}") int threads,
                    @Value("${pose.decode.check-timeout:2m}") Duration checkTimeout,
                    @Value("${pose.decode.conversion-timeout:2h}") Duration conversionTimeout) {
        return switch (isolation.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inline" -> new InlineDecoder();
            case "process" -> new IsolatedDecoder(new IsolatedDecoder.Limits(heap, addressSpace.toBytes(), Math.max(1, threads),
                    checkTimeout, conversionTimeout));
            default -> throw new IllegalStateException("pose.decode.isolation (POSE_DECODE_ISOLATION) is \"" + isolation
                    + "\"; use process or inline");
        };
    }
}
