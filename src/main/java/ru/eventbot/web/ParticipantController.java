package ru.eventbot.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.participant.ParticipantService;

@RestController
@RequestMapping("/api/v1/participants")
class ParticipantController {

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    @GetMapping
    List<ParticipantView> all() {
        return participants.findAll().stream().map(ParticipantView::of).toList();
    }
}
