package org.poseanalytics.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PoseAnalyticsApplication {
    public static void main(String[] args) {
        SpringApplication.run(PoseAnalyticsApplication.class, args);
    }
}
