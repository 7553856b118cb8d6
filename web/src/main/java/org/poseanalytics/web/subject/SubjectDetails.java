package org.poseanalytics.web.subject;

import java.time.LocalDate;

/** What a user enters for a subject (create and edit). */
public record SubjectDetails(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                             InvolvedSide involvedSide, String notes) {}
