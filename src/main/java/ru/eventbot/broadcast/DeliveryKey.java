package ru.eventbot.broadcast;

/** One recipient's copy of one broadcast. */
public record DeliveryKey(long broadcastId, long telegramUserId) {
}
