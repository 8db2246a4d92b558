package ru.eventbot.broadcast;

import java.time.Instant;
import java.util.List;
import ru.eventbot.conversation.TextEntity;

/**
 * An organiser's announcement as asked for, from the API or from Telegram.
 *
 * @param audience       {@code ALL} or {@code EVENT_ATTENDEES}, as text so that an unknown one gets a clear answer
 * @param scheduledAt    when to send; null for now
 * @param paid           send with {@code allow_paid_broadcast} at the higher paid rate
 * @param createdBy      who asked: an account name, or {@code telegram:<id>}
 * @param progressChatId where to show a live progress message (the organiser's chat), or null
 */
public record NewBroadcast(String text, List<TextEntity> entities, Long eventId, String audience, Instant scheduledAt,
                           boolean paid, String createdBy, Long progressChatId) {
}
