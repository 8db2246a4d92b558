package ru.eventbot.web;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.broadcast.Audience;
import ru.eventbot.broadcast.BroadcastFinishedException;
import ru.eventbot.broadcast.BroadcastProgress;
import ru.eventbot.broadcast.BroadcastService;
import ru.eventbot.broadcast.BroadcastStatus;
import ru.eventbot.broadcast.InvalidBroadcastException;
import ru.eventbot.broadcast.NewBroadcast;
import ru.eventbot.event.EventService;

/**
 * Broadcasts on the dashboard: compose (audience, event, schedule), preview as participants will see it, send, a
 * live progress bar fed by {@link #progress}, and the history.
 */
@DashboardPage
@RequestMapping("/dashboard/broadcasts")
class BroadcastPagesController {

    private static final int HISTORY = 20;

    private final BroadcastService broadcasts;
    private final EventService events;
    private final MessageSource messages;

    BroadcastPagesController(BroadcastService broadcasts, EventService events, MessageSource messages) {
        this.broadcasts = broadcasts;
        this.events = events;
        this.messages = messages;
    }

    /** What the organiser typed into the compose form. */
    record Draft(String text, String audience, Long eventId, String scheduledAt, String timeZone) {
    }

    /** A past broadcast in the history, with its figures. */
    record HistoryRow(ru.eventbot.broadcast.Broadcast broadcast, BroadcastProgress progress) {
    }

    @GetMapping
    String compose(Model model) {
        return page(model, new Draft("", Audience.ALL.name(), null, "", events.defaultTimeZone().getId()), null, null);
    }

    @PostMapping
    String send(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "ALL") String audience,
                @RequestParam(required = false) Long eventId, @RequestParam(defaultValue = "") String scheduledAt,
                @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "preview") String action,
                Principal organiser, Model model, RedirectAttributes redirect) {
        var draft = new Draft(text, audience, eventId, scheduledAt, timeZone);
        try {
            if (!"send".equals(action)) {
                return page(model, draft, BroadcastPreview.of(text), null);
            }
            var broadcast = broadcasts.announce(new NewBroadcast(text, List.of(), eventId, audience,
                    scheduledAt(draft), false, organiser.getName(), null));
            redirect.addFlashAttribute("notice", broadcast.getStatus() == BroadcastStatus.SCHEDULED
                    ? "Broadcast scheduled." : "Broadcast is being sent.");
            return "redirect:/dashboard/broadcasts/" + broadcast.getId();
        } catch (InvalidBroadcastException e) {
            return page(model, draft, text.isBlank() ? null : BroadcastPreview.of(text), e.getMessage());
        }
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        var broadcast = broadcasts.get(id);
        model.addAttribute("broadcast", broadcast);
        model.addAttribute("progress", broadcasts.progress(id));
        model.addAttribute("preview", BroadcastPreview.of(broadcast.getText()));
        model.addAttribute("event", broadcast.getEventId() == null ? null
                : events.find(broadcast.getEventId()).orElse(null));
        return "dashboard/broadcast";
    }

    /** The progress bar's source, polled by the page until the broadcast is done. */
    @GetMapping("/{id}/progress")
    @ResponseBody
    Progress progress(@PathVariable long id) {
        var progress = broadcasts.progress(id);
        var finished = progress.status() == BroadcastStatus.DONE || progress.status() == BroadcastStatus.CANCELLED;
        return new Progress(progress.status().name(), progress.total(), progress.pending(), progress.sent(),
                progress.failed(), progress.blocked(), progress.uncertain(), progress.cancelled(), progress.percent(),
                finished);
    }

    /** A broadcast's figures for the progress bar; {@code finished} tells the page to stop asking. */
    record Progress(String status, int total, int pending, int sent, int failed, int blocked, int uncertain,
                    int cancelled, int percent, boolean finished) {
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            broadcasts.cancel(id);
            redirect.addFlashAttribute("notice", "Broadcast cancelled; copies already sent stay sent.");
        } catch (BroadcastFinishedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboard/broadcasts/" + id;
    }

    private String page(Model model, Draft draft, BroadcastPreview preview, String error) {
        model.addAttribute("draft", draft);
        model.addAttribute("preview", preview);
        model.addAttribute("error", error);
        model.addAttribute("events", events.all());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("buttons", draft.eventId() == null ? List.of() : eventButtons());
        if (preview != null) {
            var audience = Audience.EVENT_ATTENDEES.name().equals(draft.audience()) ? Audience.EVENT_ATTENDEES
                    : Audience.ALL;
            model.addAttribute("recipients", audience == Audience.EVENT_ATTENDEES && draft.eventId() == null ? 0
                    : broadcasts.recipients(audience, draft.eventId()));
        }
        model.addAttribute("history", broadcasts.recent(HISTORY).stream()
                .map(broadcast -> new HistoryRow(broadcast, broadcasts.progress(broadcast.getId()))).toList());
        return "dashboard/broadcasts";
    }

    /** The buttons an announcement about an event carries, as a participant reading Russian sees them. */
    private List<String> eventButtons() {
        var russian = Locale.forLanguageTag("ru");
        return List.of("👍", messages.getMessage("event.button.feedback", null, russian),
                messages.getMessage("event.button.materials", null, russian),
                messages.getMessage("event.button.attend", null, russian));
    }

    private static java.time.Instant scheduledAt(Draft draft) {
        if (draft.scheduledAt() == null || draft.scheduledAt().isBlank()) {
            return null;
        }
        try {
            var zone = ZoneId.of(draft.timeZone() == null || draft.timeZone().isBlank() ? "UTC" : draft.timeZone());
            return LocalDateTime.parse(draft.scheduledAt().strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidBroadcastException("The time to send '" + draft.scheduledAt()
                    + "' is not a date and time.");
        }
    }
}
