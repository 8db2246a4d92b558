package ru.eventbot.web;

import java.util.LinkedHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.event.EventService;
import ru.eventbot.feedback.FeedbackService;
import tools.jackson.databind.json.JsonMapper;

/** An event's feedback on the dashboard: the figures as charts, the comments (hide, show again), the CSV. */
@DashboardPage
@RequestMapping("/dashboard/events/{eventId}")
class FeedbackPagesController {

    private static final int COMMENTS_PER_PAGE = 50;

    private final FeedbackService feedback;
    private final EventService events;
    private final JsonMapper json;

    FeedbackPagesController(FeedbackService feedback, EventService events, JsonMapper json) {
        this.feedback = feedback;
        this.events = events;
        this.json = json;
    }

    @GetMapping("/feedback")
    String page(@PathVariable long eventId, @RequestParam(defaultValue = "0") int page, Model model) {
        var figures = feedback.figures(eventId);
        var perDay = new LinkedHashMap<String, Integer>();
        feedback.likesPerDay(eventId).forEach(day -> perDay.put(day.day().toString(), day.likes()));
        model.addAttribute("event", events.get(eventId));
        model.addAttribute("figures", figures);
        // the charts read their data from these attributes (no inline script: the CSP forbids it)
        model.addAttribute("histogramJson", json.writeValueAsString(figures.histogram()));
        model.addAttribute("likesJson", json.writeValueAsString(perDay));
        model.addAttribute("comments", feedback.comments(eventId, page, COMMENTS_PER_PAGE));
        return "dashboard/feedback";
    }

    @GetMapping("/feedback.csv")
    ResponseEntity<byte[]> csv(@PathVariable long eventId) {
        return FeedbackController.csvOf(feedback.summary(eventId));
    }

    @PostMapping("/comments/{commentId}/hide")
    String hide(@PathVariable long eventId, @PathVariable long commentId, RedirectAttributes redirect) {
        feedback.hideComment(eventId, commentId, true);
        redirect.addFlashAttribute("notice", "Comment hidden from participants.");
        return "redirect:/dashboard/events/" + eventId + "/feedback";
    }

    @PostMapping("/comments/{commentId}/unhide")
    String unhide(@PathVariable long eventId, @PathVariable long commentId, RedirectAttributes redirect) {
        feedback.hideComment(eventId, commentId, false);
        redirect.addFlashAttribute("notice", "Comment shown to participants again.");
        return "redirect:/dashboard/events/" + eventId + "/feedback";
    }
}
