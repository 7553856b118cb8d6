package org.poseanalytics.archfixture.injection;

/** Field injection spelled with fully-qualified names, as SessionView's job panels were: no import shows it. */
public class FieldInjected {
    @org.springframework.beans.factory.annotation.Autowired private org.poseanalytics.archfixture.purelibrary.Pure pure;

    public boolean ready() {
        return pure != null;
    }
}
