package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import java.util.Optional;

/**
 * The analysis page's account of a multi-camera recording: the angles are triangulated, how far the views agreed (the
 * reprojection error: a 3D point projected back into each camera that used it, against the 2D keypoint there; under
 * about 2–3 pixels the views agree, above about 5 the numbers deserve doubt), and per camera its video, its clock's
 * offset and how well its view of the subject matched the first camera's. With the stored skeleton: the rotatable 3D
 * view and every camera's video side by side with the skeleton reprojected on it, all following the page's player.
 */
final class MultiViewPanel extends VerticalLayout {
    /** Above this mean error the views disagree enough that the angles deserve doubt (several pixels on a phone video). */
    static final double DOUBTFUL_MEAN_PX = 5;

    /** {@code playerId}: the page's player, whose time the 3D view and the cameras' videos follow. */
    MultiViewPanel(MultiViewFacts f, Optional<MultiViewSkeleton> skeleton, String playerId) {
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
        if (skeleton.isPresent() && playerId != null) {
            add(new H3("Skeleton in 3D"));
            Skeleton3dView view = new Skeleton3dView("skeleton-3d", playerId);
            view.setData(MultiViewDrawing.skeleton3d(skeleton.get()));
            add(view, new H3("Views side by side"), views(f, skeleton.get(), playerId));
        }
    }

    /**
     * One player per camera, each following the page's player (the first camera's video) shifted by its clock offset,
     * with the triangulated skeleton projected into that camera drawn over it.
     */
    private static FlexLayout views(MultiViewFacts f, MultiViewSkeleton skeleton, String playerId) {
        FlexLayout views = new FlexLayout();
        views.setId("camera-views");
        views.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        views.getStyle().set("gap", "var(--lumo-space-m)");
        views.setWidthFull();
        for (int v = 0; v < f.cameras().size() && v < skeleton.calibration().size(); v++) {
            MultiViewFacts.Camera c = f.cameras().get(v);
            double offset = Double.isFinite(c.syncOffsetS()) ? c.syncOffsetS() : 0;
            OverlayPlayer p = new OverlayPlayer("camera-view-" + v);
            p.setHeight("260px");
            p.setSource("media/videos/" + c.videoId() + "/playable.mp4");
            p.setData(MultiViewDrawing.reprojected(skeleton, v, offset));
            // My time = the first camera's time − my offset (a time t in my video is t + offset on the first's clock).
            p.getElement().callJsFunction("follow", playerId, 0, -offset);
            Div box = new Div(new Span(c.name() + " · " + c.video() + String.format(Locale.ROOT, " · offset %+.3f s", offset)), p);
            box.addClassName("camera-view");
            box.getStyle().set("flex", "1 1 320px").set("min-width", "260px");
            views.add(box);
        }
        return views;
    }
}
