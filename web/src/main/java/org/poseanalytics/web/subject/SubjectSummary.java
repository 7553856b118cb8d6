package org.poseanalytics.web.subject;

import java.time.LocalDate;

/** A row of the subject list. */
public record SubjectSummary(long id, String displayName, String externalId, String sportOrCondition, InvolvedSide involvedSide,
                             int sessions, LocalDate lastSession) {}
