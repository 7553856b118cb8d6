package org.poseanalytics.archfixture.nested.page;

import org.poseanalytics.archfixture.nested.Menu;

/** The sub-package's half of the cycle: it names the menu above it. */
public class Page {
    public Class<?> layout() {
        return Menu.class;
    }
}
