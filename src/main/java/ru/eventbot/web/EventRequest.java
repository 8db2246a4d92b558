package ru.eventbot.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.List;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.InvalidEventException;
import ru.eventbot.event.TalkDetails;

/**
 * An event as the API receives it. {@code timeZone} (an IANA name such as {@code Europe/Moscow}) is where dates
 * are shown to participants; without it, the bot's default zone.
 */
record EventRequest(String title, String description, String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                    String timeZone, List<TalkRequest> talks) {

    record TalkRequest(String title, String speaker, OffsetDateTime startsAt) {
    }

    EventDetails toDetails(ZoneId defaultZone) {
        return new EventDetails(title, description, venue, startsAt, endsAt, zone(defaultZone),
                talks == null ? List.of() : talks.stream()
                        .map(talk -> talk == null ? null : new TalkDetails(talk.title(), talk.speaker(), talk.startsAt()))
                        .toList());
    }

    private ZoneId zone(ZoneId defaultZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new InvalidEventException("Unknown timeZone '" + timeZone + "'; use an IANA name like Europe/Moscow.");
        }
    }
}
