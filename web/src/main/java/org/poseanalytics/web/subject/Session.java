package org.poseanalytics.web.subject;

import org.poseanalytics.kinematics.exercise.Exercise;
import java.time.LocalDate;

/** One visit or training of a subject, with the exercise recorded in its videos. */
public record Session(long id, long subjectId, String subjectName, LocalDate date, Exercise exercise, String notes,
                      int videos) {}
