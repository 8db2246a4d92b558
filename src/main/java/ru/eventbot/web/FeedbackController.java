package ru.eventbot.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.feedback.EventFeedback;
import ru.eventbot.feedback.FeedbackService;

@RestController
@RequestMapping("/api/v1/events/{eventId}")
class FeedbackController {

    /** Spreadsheets open UTF-8 CSV (Cyrillic names and comments) correctly only with a byte order mark. */
    private static final String BOM = "\uFEFF";

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** With {@code anonymised=true}, authors are pseudonyms ("participant 1"), for sharing outside the team. */
    @GetMapping("/feedback")
    FeedbackView summary(@PathVariable long eventId, @RequestParam(defaultValue = "false") boolean anonymised) {
        return FeedbackView.of(figures(eventId, anonymised));
    }

    /**
     * The comments with their ratings and likes, one row each, after a header row of the totals' names; with
     * {@code anonymised=true} the authors are pseudonyms.
     */
    @GetMapping("/feedback.csv")
    ResponseEntity<byte[]> csv(@PathVariable long eventId, @RequestParam(defaultValue = "false") boolean anonymised) {
        return csvOf(figures(eventId, anonymised));
    }

    /** The CSV export of an event's comments, also offered on the dashboard. */
    static ResponseEntity<byte[]> csvOf(EventFeedback summary) {
        var eventId = summary.eventId();
        var out = new StringWriter().append(BOM);
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("comment_id", "author", "rating", "comment", "created_at", "comment_likes", "hidden")
                .get())) {
            for (var comment : summary.comments()) {
                csv.printRecord(comment.id(), comment.author(), comment.rating(), comment.text(), comment.createdAt(),
                        comment.likes(), comment.hidden());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("event-" + eventId + "-feedback.csv").build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/comments/{commentId}/hide")
    FeedbackView hide(@PathVariable long eventId, @PathVariable long commentId) {
        feedback.hideComment(eventId, commentId, true);
        return summary(eventId, false);
    }

    @PostMapping("/comments/{commentId}/unhide")
    FeedbackView unhide(@PathVariable long eventId, @PathVariable long commentId) {
        feedback.hideComment(eventId, commentId, false);
        return summary(eventId, false);
    }

    private EventFeedback figures(long eventId, boolean anonymised) {
        var figures = feedback.summary(eventId);
        return anonymised ? figures.anonymised() : figures;
    }
}
