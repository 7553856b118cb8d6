package org.poseanalytics.archfixture.cycle.a;

import org.poseanalytics.archfixture.cycle.b.B;

/** Half of a cycle between sibling packages (as SessionView ↔ SubjectView). */
public class A {
    public B next() {
        return new B();
    }
}
