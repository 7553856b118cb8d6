package org.poseanalytics.web.subject;

import java.time.LocalDate;

/**
 * An athlete or patient of one clinic.
 *
 * @param heightM standing height in metres (0.5 to 2.5), for scaling distances from the pose; null when not known
 */
public record Subject(long id, String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                      InvolvedSide involvedSide, String notes, Double heightM) {}
