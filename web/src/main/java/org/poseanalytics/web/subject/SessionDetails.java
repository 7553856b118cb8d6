package org.poseanalytics.web.subject;

import java.time.LocalDate;

public record SessionDetails(LocalDate date, Exercise exercise, String notes) {}
