package org.poseanalytics.web;

/**
 * A row that does not exist or belongs to another clinic: both look the same to the caller, so ids of other
 * clinics cannot be probed.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) { super(what + " was not found. It may have been deleted, or it belongs to another clinic."); }
}
