package org.poseanalytics.web.share;

/** A new link and its token: the only moment the token exists outside the patient's hands (it is stored hashed). */
public record CreatedShareLink(ShareLink link, String token) {
    public String path() { return SharedView.ROUTE + "/" + token; }
}
