package ru.eventbot.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.Language;

/** An event's dates as participants read them: in the event's time zone, in their language. */
@Component
public class EventDates {

    private final MessageSource messages;

    EventDates(MessageSource messages) {
        this.messages = messages;
    }

    /** "25 ноября 2026, 15:00–17:00 (MSK)", or both dates when the event spans days. */
    public String when(Event event, Language language) {
        var start = event.startsAtLocal();
        var end = event.endsAtLocal();
        var date = formatter("event.date.pattern", language);
        var time = formatter("event.time.pattern", language);
        var zone = DateTimeFormatter.ofPattern("zzz", language.locale()).format(start);
        var until = start.toLocalDate().equals(end.toLocalDate()) ? time.format(end) : date.format(end);
        return date.format(start) + "–" + until + " (" + zone + ")";
    }

    /** One moment in the event's zone: "25 ноября 2026, 15:00 (MSK)". */
    public String moment(Instant instant, ZoneId zone, Language language) {
        var local = instant.atZone(zone);
        return formatter("event.date.pattern", language).format(local) + " ("
                + DateTimeFormatter.ofPattern("zzz", language.locale()).format(local) + ")";
    }

    private DateTimeFormatter formatter(String key, Language language) {
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, language.locale()), language.locale());
    }
}
