package org.poseanalytics.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api/v1 (served at /api/v1/openapi.json, Swagger UI at /api/docs for signed-in users):
 * every operation needs a personal API token as a bearer token (or a signed-in session); errors are RFC 9457 problem
 * details. docs/API.md has the walk-through.
 */
@Configuration
class ApiDescription {
    static final String TOKEN = "apiToken";

    @Bean
    OpenAPI poseAnalyticsApi() {
        return new OpenAPI()
                .info(new Info().title("pose-analytics API").version("v1").description("""
                        Subjects, sessions, video upload, analysis and results of one clinic, with the rights of the token's \
                        user (a read-only token: a viewer's). Make a token on your profile page and send it as \
                        `Authorization: Bearer pat_…`. Lists are paged (`page` from 0, `size` up to 500). Tables (angles, \
                        metrics, repetitions, keypoints, progress) come as JSON rows or CSV with the same columns: a missing \
                        or invalid value is null (JSON) or an empty cell (CSV). Errors are RFC 9457 problem details \
                        (application/problem+json)."""))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("A personal API token (pat_…), made on the profile page")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
