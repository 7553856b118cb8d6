package org.poseanalytics.archfixture.layers.top1;

import org.poseanalytics.archfixture.layers.top2.Top2;

/** Breaks the layering: one shell uses the other (as cli using web would). */
public class Sideways {
    public int value() {
        return new Top2().value();
    }
}
