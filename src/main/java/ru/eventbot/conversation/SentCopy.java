package ru.eventbot.conversation;

/** A message the bot has sent on its own (not through the outbox), to be kept in the conversation. */
public record SentCopy(Long telegramUserId, long chatId, MessageKind kind, String text, Long telegramMessageId) {
}
