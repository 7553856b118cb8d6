package org.poseanalytics.web.subject;

import java.time.LocalDate;

/**
 * What a user enters for a subject (create and edit).
 *
 * @param heightM standing height in metres, null when not known; the bounds are the scale's
 *                ({@link org.poseanalytics.kinematics.scale.ScaleSpec#MIN_HEIGHT_M} to {@code MAX_HEIGHT_M}), as on the command line
 */
public record SubjectDetails(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                             InvolvedSide involvedSide, String notes, Double heightM) {
    /** Without a height. */
    public SubjectDetails(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                          InvolvedSide involvedSide, String notes) {
        this(displayName, externalId, birthDate, sportOrCondition, involvedSide, notes, null);
    }
}
