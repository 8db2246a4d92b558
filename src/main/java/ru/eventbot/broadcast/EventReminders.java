package ru.eventbot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventDates;
import ru.eventbot.event.EventProperties;
import ru.eventbot.event.EventService;
import ru.eventbot.participant.Language;

/**
 * Reminds an event's attendees before it starts ({@code eventbot.events.reminders}, 24 h and 1 h by default),
 * each reminder once. A reminder whose moment passed while the bot was down still goes out within
 * {@code reminder-grace}; when a later reminder is already due, the earlier one is skipped rather than sent late.
 * The key (event, start time, offset) is unique in the database, so neither a restart nor a second instance sends
 * one twice; when an event moves, the reminders for its new time are due again.
 */
@Component
class EventReminders {

    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

    private final EventService events;
    private final BroadcastService broadcasts;
    private final EventProperties properties;
    private final EventDates dates;
    private final MessageSource messages;
    private final Clock clock;

    EventReminders(EventService events, BroadcastService broadcasts, EventProperties properties, EventDates dates,
                   MessageSource messages, Clock clock) {
        this.events = events;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.dates = dates;
        this.messages = messages;
        this.clock = clock;
    }

    void sendDue() {
        var offsets = properties.reminders();
        if (offsets.isEmpty()) {
            return;
        }
        var longest = offsets.stream().max(Comparator.naturalOrder()).orElseThrow();
        var now = clock.instant();
        for (var event : events.startingWithin(longest)) {
            offsets.stream()
                    .filter(offset -> !now.isBefore(event.getStartsAt().minus(offset)))
                    .min(Comparator.naturalOrder())
                    .ifPresent(offset -> remind(event, offset, now));
        }
    }

    private void remind(Event event, Duration offset, java.time.Instant now) {
        var moment = event.getStartsAt().minus(offset);
        var key = "event:" + event.getId() + ":" + event.getStartsAt() + ":" + offset;
        if (now.isAfter(moment.plus(properties.reminderGrace()))) {
            log.debug("Reminder {} is past its grace period; not sent", key);
            return;
        }
        try {
            broadcasts.notifyAttendees(BroadcastKind.REMINDER, event.getId(), text(event, Language.RU),
                    text(event, Language.EN), key);
        } catch (DataIntegrityViolationException sentMeanwhile) {
            log.debug("Reminder {} was sent by someone else meanwhile", key);
        }
    }

    private String text(Event event, Language language) {
        var text = messages.getMessage("reminder.text", new Object[] {event.getTitle(), dates.when(event, language)},
                language.locale());
        if (event.getVenue() != null && !event.getVenue().isBlank()) {
            text += "\n" + messages.getMessage("event.card.venue", new Object[] {event.getVenue()}, language.locale());
        }
        return text;
    }
}
