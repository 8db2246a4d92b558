package ru.eventbot.conversation;

import java.util.List;

/** An outgoing message claimed for sending, with everything the gateway needs to send it. */
public record OutboxMessage(long id, Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                            String callbackQueryId, Long editMessageId, List<TextEntity> entities, Long attachmentId) {

    public OutboxMessage(long id, Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                         String callbackQueryId) {
        this(id, telegramUserId, chatId, kind, text, keyboard, callbackQueryId, null, List.of(), null);
    }
}
