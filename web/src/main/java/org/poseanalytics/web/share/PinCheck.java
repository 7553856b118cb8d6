package org.poseanalytics.web.share;

/** The answer to a PIN typed on a shared page. */
public enum PinCheck {
    ACCEPTED,
    WRONG,
    /** This attempt (or an earlier one) was the last allowed: the link no longer opens. */
    LOCKED,
    /** Expired or withdrawn meanwhile. */
    GONE
}
