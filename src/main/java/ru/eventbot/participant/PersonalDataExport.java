package ru.eventbot.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything stored about a participant as one JSON document (152-FZ art. 14, GDPR art. 15 and 20): their profile
 * and consent from this module, and each module's {@link PersonalDataSection}.
 */
@Service
@Transactional(readOnly = true)
public class PersonalDataExport {

    private final ParticipantRepository participants;
    private final List<PersonalDataSection> sections;
    private final Clock clock;
    private final JsonMapper json;

    PersonalDataExport(ParticipantRepository participants, List<PersonalDataSection> sections, Clock clock) {
        this.participants = participants;
        this.sections = sections;
        this.clock = clock;
        this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** The export of a participant the bot knows, or empty when there is no such participant. */
    public Optional<String> of(long telegramUserId) {
        return participants.findByTelegramUserId(telegramUserId).map(participant -> write(telegramUserId, participant));
    }

    private String write(long telegramUserId, Participant participant) {
        var export = new LinkedHashMap<String, Object>();
        export.put("telegramUserId", telegramUserId);
        export.put("exportedAt", clock.instant());
        export.put("profile", Profile.of(participant));
        export.put("consent", participant.getConsentAt() == null ? null
                : new Consent(participant.getConsentVersion(), participant.getConsentAt(),
                participant.isSubscribed(), participant.getUnsubscribedAt()));
        sections.forEach(section -> export.putAll(section.about(telegramUserId)));
        return json.writeValueAsString(export);
    }

    record Profile(String firstName, String lastName, String username, Language language, long chatId,
                   boolean blockedTheBot, String startPayload, Instant firstSeenAt, Instant updatedAt) {

        static Profile of(Participant p) {
            return new Profile(p.getFirstName(), p.getLastName(), p.getUsername(), p.getLanguage(), p.getChatId(),
                    p.isBlocked(), p.getStartPayload(), p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    record Consent(String version, Instant givenAt, boolean subscribed, Instant unsubscribedAt) {
    }
}
