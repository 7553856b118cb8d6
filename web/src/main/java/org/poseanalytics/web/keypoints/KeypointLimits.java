package org.poseanalytics.web.keypoints;

import org.poseanalytics.kinematics.keypoints.KeypointFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What an OpenPose archive may hold ({@code pose.keypoints.*}), for the upload's check and again for the job that
 * unpacks it (analysis reads this bean by its library type).
 */
@Configuration(proxyBeanMethods = false)
class KeypointLimits {
    @Bean
    KeypointFiles.Limits keypointArchiveLimits(@Value("${pose.keypoints.max-zip-entries:100000}") int maxEntries,
                                               @Value("${pose.keypoints.max-unpacked:256MB}") DataSize maxUnpacked,
                                               @Value("${pose.keypoints.max-zip-entry:4MB}") DataSize maxEntry) {
        return new KeypointFiles.Limits(maxEntries, maxUnpacked.toBytes(), maxEntry.toBytes());
    }
}
