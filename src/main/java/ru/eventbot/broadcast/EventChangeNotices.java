package ru.eventbot.broadcast;

import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventChanged;
import ru.eventbot.event.EventDates;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Language;

/** Tells an event's attendees what changed when its time or place changes (unless it is over already). */
@Component
class EventChangeNotices {

    private final EventService events;
    private final BroadcastService broadcasts;
    private final EventDates dates;
    private final MessageSource messages;
    private final Clock clock;

    EventChangeNotices(EventService events, BroadcastService broadcasts, EventDates dates, MessageSource messages,
                       Clock clock) {
        this.events = events;
        this.broadcasts = broadcasts;
        this.dates = dates;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EventChanged change) {
        var event = events.get(change.eventId());
        if (event.hasEndedBy(clock.instant())) {
            return;
        }
        broadcasts.notifyAttendees(BroadcastKind.EVENT_CHANGED, event.getId(), text(event, change, Language.RU),
                text(event, change, Language.EN), null);
    }

    private String text(Event event, EventChanged change, Language language) {
        var locale = language.locale();
        var text = new StringBuilder(messages.getMessage("event.changed.title", new Object[] {event.getTitle()}, locale));
        if (change.timeChanged()) {
            text.append('\n').append(messages.getMessage("event.changed.time", new Object[] {
                    dates.when(event, language), dates.moment(change.before().startsAt(), event.zone(), language)},
                    locale));
        }
        if (change.venueChanged()) {
            text.append('\n').append(messages.getMessage("event.changed.venue", new Object[] {
                    orDash(change.after().venue()), orDash(change.before().venue())}, locale));
        }
        return text.toString();
    }

    private static String orDash(String venue) {
        return venue == null || venue.isBlank() ? "—" : venue;
    }
}
