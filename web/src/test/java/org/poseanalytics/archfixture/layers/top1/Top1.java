package org.poseanalytics.archfixture.layers.top1;

import org.poseanalytics.archfixture.layers.mid.Mid;

/** A shell (like cli): uses the modules below. */
public class Top1 {
    public int value() {
        return new Mid().value();
    }
}
