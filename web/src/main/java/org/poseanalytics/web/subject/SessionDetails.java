package org.poseanalytics.web.subject;

import org.poseanalytics.kinematics.exercise.Exercise;
import java.time.LocalDate;

public record SessionDetails(LocalDate date, Exercise exercise, String notes) {}
