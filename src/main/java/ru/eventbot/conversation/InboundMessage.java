package ru.eventbot.conversation;

/** Something a person sent or did, as plain values. */
public record InboundMessage(Long telegramUserId, long chatId, MessageKind kind, String text,
                             Long telegramMessageId, long updateId) {
}
