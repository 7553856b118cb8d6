package org.poseanalytics.archfixture.layers.top2;

import org.poseanalytics.archfixture.layers.low.Low;

/** The other shell (like web): uses a module two below, which is allowed. */
public class Top2 {
    public int value() {
        return new Low().value();
    }
}
