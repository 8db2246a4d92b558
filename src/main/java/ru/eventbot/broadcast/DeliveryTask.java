package ru.eventbot.broadcast;

import java.util.List;
import ru.eventbot.conversation.TextEntity;
import ru.eventbot.participant.Language;

/** One recipient's copy, claimed for sending ({@code claimId}: the batch it was claimed with). */
public record DeliveryTask(long broadcastId, BroadcastKind kind, long telegramUserId, long chatId, Language language,
                           String text, List<TextEntity> entities, Long eventId, boolean paid,
                           long claimId) {
}
