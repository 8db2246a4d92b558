package ru.eventbot.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** An event as organisers describe it, already checked by {@link EventRules}. */
public record EventDetails(String title, String description, String venue, OffsetDateTime startsAt,
                           OffsetDateTime endsAt, ZoneId timeZone, List<TalkDetails> talks) {
}
