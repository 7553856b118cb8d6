package org.poseanalytics.archfixture.injection;

import org.poseanalytics.archfixture.purelibrary.Pure;
import org.springframework.beans.factory.annotation.Autowired;

/** Injection through a method. */
public class SetterInjected {
    private Pure pure;

    @Autowired
    void setPure(Pure pure) {
        this.pure = pure;
    }

    public boolean ready() {
        return pure != null;
    }
}
