package ru.eventbot.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.eventbot.conversation.ParticipantNotFoundException;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.PersonalDataExport;

@RestController
@RequestMapping("/api/v1/participants")
class ParticipantController {

    private final ParticipantService participants;

    private final PersonalDataExport personalData;

    ParticipantController(ParticipantService participants, PersonalDataExport personalData) {
        this.participants = participants;
        this.personalData = personalData;
    }

    @GetMapping
    List<ParticipantView> all() {
        return participants.findAll().stream().map(ParticipantView::of).toList();
    }

    /** Everything stored about a participant: the same JSON document they get with {@code /mydata}. */
    @GetMapping(path = "/{telegramUserId}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    String personalData(@PathVariable long telegramUserId) {
        return personalData.of(telegramUserId).orElseThrow(() -> new ParticipantNotFoundException(telegramUserId));
    }
}
