package ru.eventbot.broadcast;

/** An announcement is to be posted to the channel once its transaction commits. */
public record ChannelPostQueued(long broadcastId) {
}
