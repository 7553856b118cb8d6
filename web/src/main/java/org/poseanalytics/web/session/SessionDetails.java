package org.poseanalytics.web.session;

import java.time.LocalDate;

public record SessionDetails(LocalDate date, Exercise exercise, String notes) {}
