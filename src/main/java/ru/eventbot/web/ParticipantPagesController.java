package ru.eventbot.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.eventbot.conversation.ParticipantNotFoundException;
import ru.eventbot.participant.ParticipantService;

/** Participants on the dashboard: search by name or username, subscribed / blocked, and the consent record. */
@DashboardPage
@RequestMapping("/dashboard/participants")
class ParticipantPagesController {

    private static final int MAX_QUERY = 100;

    private final ParticipantService participants;
    private final DashboardProperties properties;

    ParticipantPagesController(ParticipantService participants, DashboardProperties properties) {
        this.participants = participants;
        this.properties = properties;
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        var query = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        model.addAttribute("q", query);
        model.addAttribute("found", participants.search(query, page, properties.pageSize()));
        return "dashboard/participants";
    }

    @GetMapping("/{telegramUserId}")
    String one(@PathVariable long telegramUserId, Model model) {
        model.addAttribute("participant", participants.find(telegramUserId)
                .orElseThrow(() -> new ParticipantNotFoundException(telegramUserId)));
        return "dashboard/participant";
    }
}
