package ru.eventbot.web;

import java.time.OffsetDateTime;
import java.util.List;
import ru.eventbot.event.Event;

/** An event in the API: times in the event's own zone, with their offset. */
record EventView(long id, String title, String description, String venue, OffsetDateTime startsAt,
                 OffsetDateTime endsAt, String timeZone, List<TalkView> talks, int attendees) {

    record TalkView(long id, String title, String speaker, OffsetDateTime startsAt) {
    }

    static EventView of(Event event, int attendees) {
        var zone = event.zone();
        return new EventView(event.getId(), event.getTitle(), event.getDescription(), event.getVenue(),
                event.startsAtLocal().toOffsetDateTime(), event.endsAtLocal().toOffsetDateTime(), zone.getId(),
                event.getTalks().stream().map(talk -> new TalkView(talk.getId(), talk.getTitle(), talk.getSpeaker(),
                        talk.getStartsAt() == null ? null : talk.getStartsAt().atZone(zone).toOffsetDateTime()))
                        .toList(),
                attendees);
    }
}
