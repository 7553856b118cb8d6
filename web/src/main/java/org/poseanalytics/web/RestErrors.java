package org.poseanalytics.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What every REST controller (the media files, the playable video, the analysis API) answers when a service says no:
 * a status and one plain-text sentence, never a stack trace or a path. Vaadin's pages are not controllers; they show
 * these exceptions through {@code ui.ErrorHandling}.
 */
@RestControllerAdvice
class RestErrors {

    /** 404 for a missing row and for another clinic's, alike (see {@link NotFoundException}). */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return text(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** 403: a role too low for the request. Reading (a file, a status) is "open", anything else is "do". */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden(AccessDeniedException e, HttpServletRequest request) {
        boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        return text(HttpStatus.FORBIDDEN, reading ? "You may not open this." : "You may not do this.");
    }

    /** 409: a request the user can correct (e.g. a model not offered, a video already being analysed); says how. */
    @ExceptionHandler(UserInputException.class)
    ResponseEntity<String> conflict(UserInputException e) {
        return text(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
