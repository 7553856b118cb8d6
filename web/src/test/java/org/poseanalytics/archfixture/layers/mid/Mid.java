package org.poseanalytics.archfixture.layers.mid;

import org.poseanalytics.archfixture.layers.low.Low;

/** The middle module: uses the one below. */
public class Mid {
    public int value() {
        return new Low().value() + 1;
    }
}
