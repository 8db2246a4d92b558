package ru.eventbot.web;

import java.time.Instant;
import ru.eventbot.broadcast.Broadcast;
import ru.eventbot.broadcast.BroadcastProgress;

/**
 * A broadcast and its figures. {@code total} counts the recipients chosen when sending started; {@code uncertain}
 * the copies whose call was under way when the bot stopped (delivered or not, never sent twice).
 */
record BroadcastView(long id, String kind, String status, String audience, Long eventId, String text,
                     Instant scheduledAt, Instant startedAt, Instant finishedAt, String createdBy, boolean paid,
                     int total, int pending, int sent, int failed, int blocked, int uncertain, int cancelled) {

    static BroadcastView of(Broadcast broadcast, BroadcastProgress progress) {
        return new BroadcastView(broadcast.getId(), broadcast.getKind().name(), progress.status().name(),
                broadcast.getAudience().name(), broadcast.getEventId(), broadcast.getText(),
                broadcast.getScheduledAt(), broadcast.getStartedAt(), broadcast.getFinishedAt(),
                broadcast.getCreatedBy(), broadcast.isPaid(), progress.total(), progress.pending(), progress.sent(),
                progress.failed(), progress.blocked(), progress.uncertain(), progress.cancelled());
    }
}
