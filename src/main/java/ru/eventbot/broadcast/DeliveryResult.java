package ru.eventbot.broadcast;

/** What became of one claimed copy; for SENT, Telegram's id of the message. */
public record DeliveryResult(DeliveryTask task, DeliveryState state, Long telegramMessageId, String error) {
}
