package org.poseanalytics.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.AppTestBase;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.analysis.AnalysisStore;
import org.poseanalytics.web.analysis.SyntheticResults;
import org.poseanalytics.web.testing.TestClinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The analysis page's downloads are plain links to /api/videos/{id}/exports/…: a viewer of the owning clinic gets
 * the file named after the subject and date, and each download is audited; another clinic gets 404, a stranger
 * nothing.
 */
class ReportControllerTest extends AppTestBase {
    @Autowired AnalysisStore store;
    @Autowired WebApplicationContext context;

    @Test
    void exportsAreServedToTheOwningClinicOnly() throws Exception {
        TestClinic owner = TestClinic.create(jdbc);
        TestClinic other = TestClinic.create(jdbc);
        long video = owner.video(jdbc, owner.session(jdbc, LocalDate.of(2026, 3, 4), "squat"));
        store.save(owner.clinicId(), video, UUID.randomUUID(), null, SyntheticResults.of(40, 33, 1, 2, 2));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String base = "/api/videos/" + video + "/exports/";

        MockHttpServletResponse metrics = mvc.perform(get(base + "metrics.csv").with(authentication(auth(owner.principal(Role.VIEWER)))))
                .andReturn().getResponse();
        assertThat(metrics.getStatus()).isEqualTo(200);
        assertThat(metrics.getContentAsString()).startsWith("repetition,metric,side,value,unit,quality,reason\n");
        assertThat(metrics.getHeader("Content-Disposition")).startsWith("attachment").contains("2026-03-04-metrics.csv");

        MockHttpServletResponse pdf = mvc.perform(get(base + "report.pdf").with(authentication(auth(owner.principal(Role.VIEWER)))))
                .andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        MockHttpServletResponse unknownAngle = mvc.perform(get(base + "report.pdf").param("angles", "no_such_angle_deg")
                .with(authentication(auth(owner.principal(Role.VIEWER))))).andReturn().getResponse();
        assertThat(unknownAngle.getStatus()).isEqualTo(400);
        assertThat(unknownAngle.getContentAsString()).contains("no angle 'no_such_angle_deg'");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'exported' and video_id = :v").param("v", video)
                .query(Integer.class).single()).isEqualTo(2);

        MockHttpServletResponse foreign = mvc.perform(get(base + "angles.csv").with(authentication(auth(other.principal(Role.ADMIN)))))
                .andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(foreign.getContentAsString()).doesNotContain("Patient");
        assertThat(mvc.perform(get(base + "angles.csv")).andReturn().getResponse().getStatus()).isIn(302, 401, 403);
        assertThat(jdbc.sql("select count(*) from audit_event where video_id = :v").param("v", video).query(Integer.class).single())
                .isEqualTo(2);
    }

    private static UsernamePasswordAuthenticationToken auth(AccountPrincipal p) {
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }
}
