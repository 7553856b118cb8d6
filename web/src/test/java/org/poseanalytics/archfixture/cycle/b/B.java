package org.poseanalytics.archfixture.cycle.b;

import org.poseanalytics.archfixture.cycle.a.A;

/** The other half of the sibling cycle. */
public class B {
    public A back() {
        return new A();
    }
}
