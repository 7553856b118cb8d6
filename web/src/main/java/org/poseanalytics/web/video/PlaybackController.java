package org.poseanalytics.web.video;

import java.io.IOException;
import org.poseanalytics.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser-playable video, signed-in users of the video's clinic only; another clinic's id answers 404.
 * Spring answers Range requests for a Resource body, so the player can seek without loading the whole file.
 */
@RestController
class PlaybackController {
    private final PlaybackService playback;

    PlaybackController(PlaybackService playback) { this.playback = playback; }

    @GetMapping("/media/videos/{id}/playable.mp4")
    ResponseEntity<Resource> playable(@PathVariable long id) throws IOException {
        PlaybackService.Playable p = playback.open(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.mediaType()))
                .cacheControl(CacheControl.noStore()).header("Content-Disposition", "inline")
                .body(new FileSystemResource(p.file()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("You may not open this.");
    }
}
