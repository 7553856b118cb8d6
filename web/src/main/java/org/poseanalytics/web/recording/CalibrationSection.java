package org.poseanalytics.web.recording;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.analysis.JobProgressPush;
import org.poseanalytics.web.ui.Ui;

/**
 * The recordings page's calibration from checkerboard videos: one video per camera (filmed at once) with the board's
 * inner corners and square size, made in the background with its progress pushed here; each made calibration shows
 * every camera's reprojection error and can be chosen for a recording ({@code onMade} is told of the list).
 */
final class CalibrationSection extends VerticalLayout {
    /** A camera's reprojection error above this (pixels) is worth filming the board again for. */
    static final double DOUBTFUL_PX = 1.0;

    private final CheckerboardCalibrations calibrations;
    private final long sessionId;
    private final Consumer<List<CheckerboardCalibration>> onChange;
    private final VerticalLayout list = new VerticalLayout();
    private final List<File> files = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    CalibrationSection(CheckerboardCalibrations calibrations, JobProgressPush push, long sessionId, boolean canEdit,
                       Consumer<List<CheckerboardCalibration>> onChange) {
        this.calibrations = calibrations;
        this.sessionId = sessionId;
        this.onChange = onChange;
        setPadding(false);
        setId("checkerboard-calibration");
        add(new H3("Calibrate the cameras from checkerboard videos"));
        if (canEdit) addForm();
        list.setPadding(false);
        list.setId("calibrations");
        add(list);
        List<CheckerboardCalibration> shown = calibrations.ofSession(sessionId);
        show(shown);
        push.follow(list, calibrations.reader(sessionId), shown, now -> {
            show(now);
            onChange.accept(now);
        });
    }

    private void addForm() {
        add(new Paragraph("Film a printed checkerboard with every camera at once, moving it slowly through the space the person will"
                + " use and turning it, then upload one video per camera in camera order. Count the inner corners (where four squares"
                + " meet): a board of 10 × 7 squares has 9 × 6."));
        Upload videos = new Upload(UploadHandler.toTempFile((meta, file) -> {
            files.add(file);
            names.add(meta.fileName());
        }));
        videos.setId("checkerboard-videos");
        videos.setMaxFiles(MultiViewRecordings.MAX_VIDEOS);
        videos.setAcceptedFileTypes("video/*", ".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi");
        videos.setWidthFull();
        IntegerField columns = new IntegerField("Inner corners across");
        columns.setId("board-columns");
        columns.setMin(3);
        columns.setMax(40);
        IntegerField rows = new IntegerField("Inner corners down");
        rows.setId("board-rows");
        rows.setMin(3);
        rows.setMax(40);
        NumberField square = new NumberField("Square side (m)");
        square.setId("board-square");
        square.setPlaceholder("0.025");
        Button calibrate = new Button("Calibrate", e -> calibrate(columns.getValue(), rows.getValue(), square.getValue()));
        calibrate.setId("checkerboard-calibrate");
        calibrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout board = new HorizontalLayout(columns, rows, square);
        board.setWrap(true);
        add(videos, board, calibrate);
    }

    private void calibrate(Integer columns, Integer rows, Double squareM) {
        List<InputStream> opened = new ArrayList<>();
        try {
            if (columns == null || rows == null || squareM == null)
                throw new UserInputException("Give the board's inner corners across and down and its square side in metres.");
            List<MultiViewRecordings.Upload> uploads = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                InputStream in = Files.newInputStream(files.get(i).toPath());
                opened.add(in);
                uploads.add(new MultiViewRecordings.Upload(names.get(i), in));
            }
            calibrations.create(sessionId, uploads, columns, rows, squareM);
            Ui.success("The checkerboard videos were stored; the calibration is being made.");
            files.forEach(File::delete);
            files.clear();
            names.clear();
            show(calibrations.ofSession(sessionId));
        } catch (UserInputException e) {
            Ui.error(e.getMessage());
        } catch (IOException e) {
            Ui.error("The checkerboard videos were not stored: " + e.getMessage());
        } finally {
            for (InputStream in : opened) {
                try { in.close(); } catch (IOException ignored) { /* a temporary file */ }
            }
        }
    }

    private void show(List<CheckerboardCalibration> cs) {
        list.removeAll();
        for (CheckerboardCalibration c : cs) list.add(row(c));
    }

    private static VerticalLayout row(CheckerboardCalibration c) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("calibration-" + c.id());
        box.addClassName("calibration");
        String state = switch (c.state()) {
            case "queued" -> "Queued";
            case "running" -> "Looking for the board in the videos…";
            case "succeeded" -> "Made";
            default -> "Failed: " + c.message();
        };
        box.add(new Span("Calibration " + c.id() + " · " + c.board() + " · " + c.cameraNames().size() + " cameras · " + state));
        if (c.state().equals("queued") || c.state().equals("running")) {
            ProgressBar bar = new ProgressBar();
            bar.setIndeterminate(true);
            box.add(bar);
        }
        for (int i = 0; i < c.reprojectionPx().size() && i < c.cameraNames().size(); i++) {
            double e = c.reprojectionPx().get(i);
            Span err = new Span(String.format(Locale.ROOT, "%s: reprojection error %.2f px%s", c.cameraNames().get(i), e,
                    e > DOUBTFUL_PX ? " — high: film the board again, sharper and from more angles" : ""));
            err.addClassName("camera-reprojection-error");
            box.add(err);
        }
        return box;
    }
}
