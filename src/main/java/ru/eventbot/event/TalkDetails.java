package ru.eventbot.event;

import java.time.OffsetDateTime;

/** A talk as organisers describe it; {@code startsAt} is optional. */
public record TalkDetails(String title, String speaker, OffsetDateTime startsAt) {
}
