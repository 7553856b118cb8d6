package org.poseanalytics.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.testing.DatabaseTest;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports are clinic-scoped and audited: a viewer of the owning clinic gets the CSV and the PDF (one 'exported'
 * row each); another clinic's user gets "not found" and leaves no trace of the patient.
 */
class ExportAccessTest extends DatabaseTest {
    @Autowired ExportService exports;
    @Autowired AnalysisStore store;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() { TestClinic.signOut(); }

    @Test
    void aViewerExportsOwnClinicsResultsAndEachExportIsAudited() throws Exception {
        TestClinic owner = TestClinic.create(jdbc);
        long video = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"));
        store.save(owner.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));
        owner.signIn(Role.VIEWER);

        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        exports.metricsCsv(video, metrics);
        String csv = metrics.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("repetition,metric,side,value,unit,quality,reason\n").contains("\nrepetition,start_s,peak_s,end_s,rom_deg");
        assertThat(csv.lines().filter(l -> l.matches("^[12],[0-9.]+,.*"))).hasSize(2);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        exports.pdfReport(video, List.of(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Session report").contains("Repetitions").contains("no earlier session to compare with");
        }
        assertThat(jdbc.sql("select detail from audit_event where action = 'exported' and video_id = :v order by id")
                .param("v", video).query(String.class).list())
                .hasSize(2).allSatisfy(d -> assertThat(d).containsAnyOf("metrics CSV", "PDF report"));
    }

    @Test
    void anotherClinicCannotExport() {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        long video = owner.video(jdbc, owner.session(jdbc, LocalDate.now(), "squat"));
        store.save(owner.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(20, 33, 1, 2, 1));
        other.signIn(Role.ADMIN);
        assertThatThrownBy(() -> exports.metricsCsv(video, new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.anglesCsv(video, new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.pdfReport(video, List.of(), new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.openSimTrc(video, new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v").param("v", video).query(Integer.class).single()).isZero();
    }
}
