package ru.eventbot.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ru.eventbot.participant.Participant;

record ParticipantView(long telegramUserId, String name, String username, String language, boolean subscribed,
                       boolean blocked, OffsetDateTime since) {

    static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.getTelegramUserId(), participant.displayName(),
                participant.getUsername(), participant.getLanguage().code(), participant.isSubscribed(),
                participant.isBlocked(), participant.getCreatedAt().atOffset(ZoneOffset.UTC));
    }
}
