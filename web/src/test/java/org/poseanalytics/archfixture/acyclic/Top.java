package org.poseanalytics.archfixture.acyclic;

import org.poseanalytics.archfixture.acyclic.sub.Leaf;

/** Control: a package that uses its sub-package one way only. */
public class Top {
    public int value() {
        return new Leaf().value();
    }
}
