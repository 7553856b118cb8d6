package org.poseanalytics.web.subject;

import java.time.LocalDate;

/** An athlete or patient of one clinic. */
public record Subject(long id, String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                      InvolvedSide involvedSide, String notes) {}
