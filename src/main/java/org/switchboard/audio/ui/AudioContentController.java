package org.switchboard.audio.ui;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.common.NotFoundException;

/**
 * Serves the audio of a message to signed-in users' browsers with its content type and HTTP Range
 * support, so players can seek and start before the whole file has arrived. The bytes are copied
 * from the database in bounded chunks.
 */
@RestController
class AudioContentController {

    private final AudioMessageService audio;

    AudioContentController(AudioMessageService audio) {
        this.audio = audio;
    }

    @RequestMapping(path = "/audio-messages/{id}/content", method = {RequestMethod.GET, RequestMethod.HEAD})
    void content(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AudioMessage message = audio.get(id);
        long size = message.sizeBytes();
        response.setContentType(message.format().contentType());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        // The address changes with every new audio (see AudioMessage.contentUrl), so the browser may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400");
        long start = 0;
        long end = size - 1;
        String rangeHeader = request.getHeader(HttpHeaders.RANGE);
        if (rangeHeader != null) {
            try {
                List<HttpRange> ranges = HttpRange.parseRanges(rangeHeader);
                if (ranges.size() == 1) {
                    start = ranges.getFirst().getRangeStart(size);
                    end = ranges.getFirst().getRangeEnd(size);
                    if (start >= size || start > end) {
                        // HttpRange leaves a first byte past the end (or an empty suffix) to the caller.
                        throw new IllegalArgumentException("Range beyond the content");
                    }
                    response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                    response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
                }
            } catch (IllegalArgumentException e) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                return;
            }
        }
        response.setContentLengthLong(end - start + 1);
        if (!"HEAD".equals(request.getMethod())) {
            audio.copyAudio(id, start, end - start + 1, response.getOutputStream());
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    void notFound() {
        // 404 with no body: the address names no message
    }
}
