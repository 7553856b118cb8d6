package org.poseanalytics.archfixture.layers.low;

/** The lowest module: uses nothing above it. */
public class Low {
    public int value() {
        return 1;
    }
}
