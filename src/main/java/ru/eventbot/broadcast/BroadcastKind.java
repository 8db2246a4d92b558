package ru.eventbot.broadcast;

/** What a broadcast is: an organiser's announcement, a reminder before an event, or a notice that an event changed. */
public enum BroadcastKind {
    ANNOUNCEMENT, REMINDER, EVENT_CHANGED
}
