package org.poseanalytics.archfixture.nested;

import java.util.List;
import org.poseanalytics.archfixture.nested.page.Page;

/** A cycle between a package and its sub-package (as ui.MainLayout listing every view that names it as its layout). */
public class Menu {
    public List<Class<?>> pages() {
        return List.of(Page.class);
    }
}
