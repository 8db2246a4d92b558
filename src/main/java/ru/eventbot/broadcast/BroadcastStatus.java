package ru.eventbot.broadcast;

/** Where a broadcast stands. */
public enum BroadcastStatus {
    SCHEDULED, SENDING, DONE, CANCELLED
}
