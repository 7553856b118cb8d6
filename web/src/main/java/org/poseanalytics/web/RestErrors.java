package org.poseanalytics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * What every REST controller (the media files, the playable video, the analysis API, the exports) answers when a
 * service says no, or fails: a status and one plain-text sentence, never a stack trace or a path; under /api/v1 the
 * same sentence as an RFC 9457 problem detail ({@link ApiProblems}). Vaadin's pages are not controllers; they show
 * these exceptions through {@code ui.ErrorHandling}.
 */
@RestControllerAdvice
class RestErrors extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

    /** 404 for a missing row and for another clinic's, alike (see {@link NotFoundException}). */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<?> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** 403: a role too low for the request. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<?> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, reading(request) ? "You may not open this." : "You may not do this.");
    }

    /**
     * Input the user can correct, with the message saying how: a read with a parameter it cannot use (e.g. an angle
     * the analysis lacks) is a bad request (400); an action asked for (analyse again, cancel) that cannot be done as
     * asked (a model not offered, a video already being analysed, no such person) conflicts with what is there (409).
     */
    @ExceptionHandler(UserInputException.class)
    ResponseEntity<?> userInput(UserInputException e, HttpServletRequest request) {
        if (ApiProblems.isApi(request) && !reading(request) && e.field() != null) {
            // the API's writes (a new subject, session or upload) name the input at fault: 422, with the field
            ProblemDetail problem = ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), request);
            problem.setProperty("field", e.field());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ApiProblems.TYPE).body(problem);
        }
        return answer(request, reading(request) ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * Anything else is the server's fault: 500 with a short reference the user can quote, and the same reference with
     * the stack trace in the server log, so the two can be matched without the answer showing anything of the server.
     * Spring MVC's own refusals are not this: see {@link #handleExceptionInternal}. A viewer that went away (closed
     * the tab mid-video) is no error and gets no answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) return null;
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Server error, reference {}, on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server. If it happens again, "
                + "tell your administrator the reference " + reference + ".");
    }

    /**
     * Spring MVC's own refusals (a wrong method, a missing or malformed parameter, an unacceptable type), which the
     * base class sorts into their 4xx (or 5xx) statuses: the status's words, not the exception's message, which may
     * quote Java types.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError() && request instanceof ServletWebRequest servlet) {
            ResponseEntity<?> failed = unexpected(e, servlet.getRequest());
            return failed == null ? null : ResponseEntity.status(failed.getStatusCode()).headers(failed.getHeaders()).body(failed.getBody());
        }
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        if (request instanceof ServletWebRequest servlet && ApiProblems.isApi(servlet.getRequest())) {
            // Spring's own detail names the parameter or the method ("Required parameter 'file' is not present."); a
            // script's author needs that, and it quotes no Java type.
            String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail()
                    : "This request cannot be answered: " + status.getReasonPhrase() + ".";
            return ResponseEntity.status(status).headers(headers).contentType(ApiProblems.TYPE)
                    .body(ApiProblems.of(status, detail, servlet.getRequest()));
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.TEXT_PLAIN)
                .body("This request cannot be answered: " + status.getReasonPhrase() + ".");
    }

    /** GET and HEAD read (a file, a status, an export); everything else acts. */
    private static boolean reading(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /** A problem detail for the API, the plain sentence for everything else. */
    private static ResponseEntity<?> answer(HttpServletRequest request, HttpStatus status, String sentence) {
        if (ApiProblems.isApi(request)) {
            return ResponseEntity.status(status).contentType(ApiProblems.TYPE).body(ApiProblems.of(status, sentence, request));
        }
        return text(status, sentence);
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
