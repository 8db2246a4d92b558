package ru.eventbot.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ru.eventbot.conversation.ConversationMessage;

/** One message of a conversation; {@code deliveryStatus} is set for outgoing messages only. */
record MessageView(long id, String direction, String kind, String text, Long telegramMessageId, OffsetDateTime at,
                   String deliveryStatus) {

    static MessageView of(ConversationMessage message) {
        return new MessageView(message.getId(), message.getDirection().name(), message.getKind().name(),
                message.getText(), message.getTelegramMessageId(), message.getCreatedAt().atOffset(ZoneOffset.UTC),
                message.getDeliveryStatus() == null ? null : message.getDeliveryStatus().name());
    }
}
