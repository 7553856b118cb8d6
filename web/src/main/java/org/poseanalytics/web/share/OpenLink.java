package org.poseanalytics.web.share;

/** A link found by its token, with the clinic it reads from (never shown to anyone but its own pages). */
public record OpenLink(ShareLink link, long clinicId, String clinicName) {}
