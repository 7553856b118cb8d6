package org.poseanalytics.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, the error body of every answer under {@value #API_ROOT}: {@code type} (about:blank: the
 * status says it all), {@code title} (the status's words), {@code status}, {@code detail} (one sentence the caller can
 * act on, never a stack trace or a path) and {@code instance} (the request's path). {@link RestErrors} answers the
 * controllers' refusals with them; the API's security chain its 401 and 403 through {@link #write}.
 */
public final class ApiProblems {
    public static final String API_ROOT = "/api/v1";
    public static final MediaType TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiProblems() {}

    /** Whether the request is one of the API's, whose errors are problem details (others keep their plain sentence). */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(API_ROOT) || path.startsWith(API_ROOT + "/");
    }

    public static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /** For refusals outside Spring MVC (the security filters). */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        // the fields of RFC 9457 as Spring MVC writes a ProblemDetail (this mapper lacks Spring's mix-in for it)
        ProblemDetail p = of(status, detail, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType() == null ? "about:blank" : p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", p.getInstance().toString());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
