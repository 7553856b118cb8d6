package org.poseanalytics.archfixture.constructorinjection;

import org.poseanalytics.archfixture.purelibrary.Pure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Control: everything through the constructor, which may be annotated, its parameters too. */
public class ConstructorInjected {
    private final Pure pure;
    private final String model;

    @Autowired
    public ConstructorInjected(Pure pure, @Value("${pose.model:blazepose-full}") String model) {
        this.pure = pure;
        this.model = model;
    }

    public String describe() {
        return model + " " + pure;
    }
}
