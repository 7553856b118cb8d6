package org.poseanalytics.archfixture.acyclic.sub;

/** Control: uses nothing back. */
public class Leaf {
    public int value() {
        return 2;
    }
}
