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
 * What every REST controller (the media files, the playable video, the analysis API, the exports) answers when a
 * service says no: a status and one plain-text sentence, never a stack trace or a path. Vaadin's pages are not
 * controllers; they show these exceptions through {@code ui.ErrorHandling}.
 */
@RestControllerAdvice
class RestErrors {

    /** 404 for a missing row and for another clinic's, alike (see {@link NotFoundException}). */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return text(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** 403: a role too low for the request. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return text(HttpStatus.FORBIDDEN, reading(request) ? "You may not open this." : "You may not do this.");
    }

    /**
     * Input the user can correct, with the message saying how: a read with a parameter it cannot use (e.g. an angle
     * the analysis lacks) is a bad request (400); an action asked for (analyse again, cancel) that cannot be done as
     * asked (a model not offered, a video already being analysed, no such person) conflicts with what is there (409).
     */
    @ExceptionHandler(UserInputException.class)
    ResponseEntity<String> userInput(UserInputException e, HttpServletRequest request) {
        return text(reading(request) ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, e.getMessage());
    }

    /** GET and HEAD read (a file, a status, an export); everything else acts. */
    private static boolean reading(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
