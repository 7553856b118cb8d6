package org.poseanalytics.web.video;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser-playable video, signed-in users of the video's clinic only; another clinic's id answers 404.
 * Spring answers Range requests for a Resource body, so the player can seek without loading the whole file. While the
 * browser copy is being made the answer is 503 with Retry-After and the state in words; a failed copy answers 422.
 */
@RestController
class PlaybackController {
    private final PlaybackService playback;

    PlaybackController(PlaybackService playback) { this.playback = playback; }

    @GetMapping("/media/videos/{id}/playable.mp4")
    ResponseEntity<?> playable(@PathVariable long id) {
        PlaybackService.Playable p;
        try {
            p = playback.open(id);
        } catch (PlaybackService.NotPlayableYet e) {
            boolean failed = e.copy().state() == PlaybackState.FAILED;
            var answer = ResponseEntity.status(failed ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore());
            if (!failed) answer.header("Retry-After", "5");
            return answer.body(e.getMessage());
        }
        ResponseEntity<Resource> ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(p.mediaType()))
                .cacheControl(CacheControl.noStore()).header("Content-Disposition", "inline")
                .body(new FileSystemResource(p.file()));
        return ok;
    }
}
