package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;

/**
 * The analysis page's account of a multi-camera recording: the angles are triangulated, how far the views agreed (the
 * reprojection error: a 3D point projected back into each camera that used it, against the 2D keypoint there; under
 * about 2–3 pixels the views agree, above about 5 the numbers deserve doubt), and per camera its video, its clock's
 * offset and how well its view of the subject matched the first camera's.
 */
final class MultiViewPanel extends VerticalLayout {
    /** Above this mean error the views disagree enough that the angles deserve doubt (several pixels on a phone video). */
    static final double DOUBTFUL_MEAN_PX = 5;

    MultiViewPanel(MultiViewFacts f) {
        setPadding(false);
        setId("multiview-panel");
        Span errors = new Span(String.format(Locale.ROOT, "Triangulated from %d cameras (%s). Reprojection error: mean %.2f px, 95th percentile %.2f px over %d points%s.",
                f.cameras().size(), f.syncMethod() + " synchronisation", f.reprojectionMeanPx(), f.reprojectionP95Px(), f.points(),
                f.reprojectionMeanPx() > DOUBTFUL_MEAN_PX ? " — the views disagree: check the calibration and that the videos are of the same moment" : ""));
        errors.setId("reprojection-error");
        add(errors);
        Grid<MultiViewFacts.Camera> grid = new Grid<>();
        grid.setId("multiview-cameras");
        grid.addColumn(MultiViewFacts.Camera::name).setHeader("Camera");
        grid.addColumn(MultiViewFacts.Camera::video).setHeader("Video").setFlexGrow(2);
        grid.addColumn(c -> String.format(Locale.ROOT, "%+.3f s", c.syncOffsetS())).setHeader("Clock offset");
        grid.addColumn(c -> Double.isFinite(c.matchErrorPx()) ? String.format(Locale.ROOT, "%.2f px", c.matchErrorPx()) : "—")
                .setHeader("Match error (median)");
        grid.addColumn(c -> String.format(Locale.ROOT, "%.0f %%", 100 * c.pointsShare())).setHeader("Points it helped triangulate");
        grid.setItems(f.cameras());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(grid);
        for (String w : f.warnings()) add(new Paragraph("⚠ " + w));
    }
}
