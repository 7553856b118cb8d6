package org.poseanalytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.poseanalytics.web.account.AccountPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;

/** Every REST controller refuses alike: one status and one plain-text sentence, from the one advice. */
class RestErrorsTest extends AppTestBase {
    static final long MISSING = 999_999_999;

    @Autowired WebApplicationContext context;

    @Test
    void refusalsAreAStatusAndASentence() throws Exception {
        ClinicUsers clinic = newClinic("Errors");
        SecurityContextHolder.clearContext();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        for (String url : new String[] {"/media/videos/" + MISSING + "/thumbnail.jpg", "/media/videos/" + MISSING + "/file",
                "/media/videos/" + MISSING + "/playable.mp4", "/api/videos/" + MISSING + "/analysis",
                "/api/videos/" + MISSING + "/exports/report.pdf"}) {
            assertText(mvc, get(url), clinic.viewer(), 404, "Video " + MISSING + " was not found. It may have been deleted, or it belongs to another clinic.");
        }
        assertText(mvc, post("/api/videos/" + MISSING + "/analysis").with(csrf()), clinic.viewer(), 403, "You may not do this.");
        assertText(mvc, post("/api/videos/" + MISSING + "/analysis/cancel").with(csrf()), clinic.viewer(), 403, "You may not do this.");
        assertText(mvc, post("/api/videos/" + MISSING + "/analysis").param("subjectTrack", "-1").with(csrf()), clinic.clinician(), 409,
                "There is no person -1; choose one of the numbered people on the analysis page.");
    }

    private static void assertText(MockMvc mvc, MockHttpServletRequestBuilder request, AccountPrincipal user, int status, String body)
            throws Exception {
        MvcResult r = mvc.perform(request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getRequest().getRequestURI()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith("text/plain");
        assertThat(r.getResponse().getContentAsString()).isEqualTo(body);
    }
}
