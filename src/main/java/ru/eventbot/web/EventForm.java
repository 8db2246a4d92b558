package ru.eventbot.web;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import ru.eventbot.event.Event;
import ru.eventbot.event.EventDetails;
import ru.eventbot.event.InvalidEventException;
import ru.eventbot.event.TalkDetails;

/**
 * The dashboard's event form as typed: local date-times ({@code datetime-local}) in the event's time zone, and rows
 * of talks, empty rows ignored.
 */
record EventForm(String title, String description, String venue, String startsAt, String endsAt, String timeZone,
                 List<TalkRow> talks) {

    /** Empty talk rows the form offers for new talks. */
    static final int SPARE_TALK_ROWS = 3;

    record TalkRow(String title, String speaker) {
    }

    static EventForm blank(ZoneId defaultZone) {
        return new EventForm("", "", "", "", "", defaultZone.getId(), List.of()).withSpareRows();
    }

    static EventForm of(Event event) {
        return new EventForm(event.getTitle(), event.getDescription(), event.getVenue(),
                event.startsAtLocal().toLocalDateTime().toString(), event.endsAtLocal().toLocalDateTime().toString(),
                event.zone().getId(), event.getTalks().stream()
                .map(talk -> new TalkRow(talk.getTitle(), talk.getSpeaker())).toList()).withSpareRows();
    }

    /** Reads the posted form; repeated {@code talkTitle} / {@code talkSpeaker} fields pair up in order. */
    static EventForm read(MultiValueMap<String, String> form) {
        var titles = form.getOrDefault("talkTitle", List.of());
        var speakers = form.getOrDefault("talkSpeaker", List.of());
        var talks = new ArrayList<TalkRow>();
        for (int i = 0; i < Math.max(titles.size(), speakers.size()); i++) {
            var title = i < titles.size() ? titles.get(i) : "";
            var speaker = i < speakers.size() ? speakers.get(i) : "";
            if (!isBlank(title) || !isBlank(speaker)) {
                talks.add(new TalkRow(title, speaker));
            }
        }
        return new EventForm(form.getFirst("title"), form.getFirst("description"), form.getFirst("venue"),
                form.getFirst("startsAt"), form.getFirst("endsAt"), form.getFirst("timeZone"), talks);
    }

    EventForm withSpareRows() {
        var rows = new ArrayList<>(talks);
        for (int i = 0; i < SPARE_TALK_ROWS; i++) {
            rows.add(new TalkRow("", ""));
        }
        return new EventForm(title, description, venue, startsAt, endsAt, timeZone, rows);
    }

    /** The details the event service checks; a talk without a title, a bad date or zone is refused here. */
    EventDetails toDetails(ZoneId defaultZone) {
        var zone = zone(defaultZone);
        var talkDetails = talks.stream().map(talk -> {
            if (isBlank(talk.title())) {
                throw new InvalidEventException("Every talk needs a title (the speaker " + talk.speaker()
                        + " has none).");
            }
            return new TalkDetails(talk.title().strip(), isBlank(talk.speaker()) ? null : talk.speaker().strip(), null);
        }).toList();
        return new EventDetails(title, isBlank(description) ? null : description.strip(),
                isBlank(venue) ? null : venue.strip(), time(startsAt, zone, "start"), time(endsAt, zone, "end"), zone,
                talkDetails);
    }

    private ZoneId zone(ZoneId defaultZone) {
        if (isBlank(timeZone)) {
            return defaultZone;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidEventException("Unknown time zone '" + timeZone + "'; use a name like Europe/Moscow.");
        }
    }

    private static java.time.OffsetDateTime time(String value, ZoneId zone, String which) {
        if (isBlank(value)) {
            throw new InvalidEventException("Give the " + which + " date and time.");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("The " + which + " '" + value + "' is not a date and time.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
