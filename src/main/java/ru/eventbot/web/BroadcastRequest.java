package ru.eventbot.web;

import java.time.OffsetDateTime;

/**
 * A broadcast as the API receives it: {@code audience} is {@code ALL} (the default) or {@code EVENT_ATTENDEES};
 * {@code paidBroadcast} sends with Telegram's {@code allow_paid_broadcast} at the higher paid rate.
 */
record BroadcastRequest(String text, Long eventId, String audience, OffsetDateTime scheduledAt,
                        Boolean paidBroadcast) {
}
