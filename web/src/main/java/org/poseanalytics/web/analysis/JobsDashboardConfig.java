package org.poseanalytics.web.analysis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard JobRunr starts when {@code jobrunr.dashboard.enabled}: ours, bound and locked ({@link JobsDashboard}). */
@Configuration
@ConditionalOnProperty(prefix = "jobrunr.dashboard", name = "enabled", havingValue = "true")
class JobsDashboardConfig {
    @Bean
    JobRunrDashboardWebServer jobsDashboard(StorageProvider storage, JsonMapper json,
                                                 @Value("${pose.jobs.dashboard.address:127.0.0.1}") String address,
                                                 @Value("${jobrunr.dashboard.port:8000}") int port,
                                                 @Value("${jobrunr.dashboard.username:}") String username,
                                                 @Value("${jobrunr.dashboard.password:}") String password) throws UnknownHostException {
        return new JobsDashboard(storage, json, new JobsDashboard.Settings(InetAddress.getByName(address), port, username, password));
    }
}
