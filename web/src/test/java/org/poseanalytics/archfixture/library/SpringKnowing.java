package org.poseanalytics.archfixture.library;

import org.springframework.core.env.Environment;

/** A "library" class that imports a Spring type. */
public class SpringKnowing {
    public String model(Environment env) {
        return env.getProperty("pose.model");
    }
}
