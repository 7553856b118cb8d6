package org.poseanalytics.web.subject;

import java.time.LocalDate;

/**
 * What a user enters for a subject (create and edit).
 *
 * @param heightM standing height in metres, null when not known; checked against {@link #MIN_HEIGHT_M}..{@link #MAX_HEIGHT_M}
 */
public record SubjectDetails(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                             InvolvedSide involvedSide, String notes, Double heightM) {
    /** The heights a person can have (the same bounds as the command line's --subject-height-m and the table's check). */
    public static final double MIN_HEIGHT_M = 0.5, MAX_HEIGHT_M = 2.5;

    /** Without a height. */
    public SubjectDetails(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                          InvolvedSide involvedSide, String notes) {
        this(displayName, externalId, birthDate, sportOrCondition, involvedSide, notes, null);
    }
}
