package org.poseanalytics.archfixture.injection;

import org.springframework.beans.factory.annotation.Value;

/** A configuration value injected into a field. */
public class ValueInjected {
    @Value("${pose.model:blazepose-full}")
    private String model;

    public String model() {
        return model;
    }
}
