package ru.eventbot.web;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventService;
import ru.eventbot.event.InvalidEventException;
import ru.eventbot.feedback.EventFigures;
import ru.eventbot.feedback.FeedbackService;

/** Events on the dashboard: the list with their engagement, and the form to create or change one (talks too). */
@DashboardPage
@RequestMapping("/dashboard/events")
class EventPagesController {

    private final EventService events;
    private final FeedbackService feedback;

    EventPagesController(EventService events, FeedbackService feedback) {
        this.events = events;
        this.feedback = feedback;
    }

    /** An event's line in the list: when, and how participants engage with it. */
    record EventRow(Event event, int attendees, EventFigures figures) {
    }

    @GetMapping
    String list(Model model) {
        var attendees = events.attendeeCounts();
        var figures = feedback.figuresByEvent();
        var newestFirst = new java.util.ArrayList<>(events.all());
        java.util.Collections.reverse(newestFirst);
        List<EventRow> rows = newestFirst.stream()
                .map(event -> new EventRow(event, attendees.getOrDefault(event.getId(), 0),
                        figures.getOrDefault(event.getId(), EventFigures.NONE)))
                .toList();
        model.addAttribute("rows", rows);
        return "dashboard/events";
    }

    @GetMapping("/new")
    String newEvent(Model model) {
        return form(model, null, EventForm.blank(events.defaultTimeZone()), null);
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        var form = EventForm.read(fields);
        try {
            var event = events.create(form.toDetails(events.defaultTimeZone()));
            redirect.addFlashAttribute("notice", "Event created.");
            return "redirect:/dashboard/events/" + event.getId() + "/edit";
        } catch (InvalidEventException e) {
            return form(model, null, form.withSpareRows(), e.getMessage());
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, events.get(id), EventForm.of(events.get(id)), null);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Model model,
                  RedirectAttributes redirect) {
        var form = EventForm.read(fields);
        try {
            events.update(id, form.toDetails(events.defaultTimeZone()));
            redirect.addFlashAttribute("notice", "Event saved.");
            return "redirect:/dashboard/events/" + id + "/edit";
        } catch (InvalidEventException e) {
            return form(model, events.get(id), form.withSpareRows(), e.getMessage());
        }
    }

    private String form(Model model, Event event, EventForm form, String error) {
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("zones", List.of("Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara",
                "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk",
                "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "UTC"));
        return "dashboard/event-form";
    }
}
