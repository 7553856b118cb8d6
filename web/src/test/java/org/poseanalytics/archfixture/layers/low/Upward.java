package org.poseanalytics.archfixture.layers.low;

import org.poseanalytics.archfixture.layers.mid.Mid;

/** Breaks the layering: a class of the lowest module uses the module above it. */
public class Upward {
    public int value(Mid mid) {
        return mid.value();
    }
}
