package ru.eventbot.conversation;

/** An outgoing message claimed for sending, with everything the gateway needs to send it. */
public record OutboxMessage(long id, Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                            String callbackQueryId) {
}
