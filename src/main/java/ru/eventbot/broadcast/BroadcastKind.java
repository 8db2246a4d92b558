package ru.eventbot.broadcast;

/** What a broadcast is: an organiser's announcement, a reminder before an event, a notice that an event changed, or the question after an event how it was (with rating buttons). */
public enum BroadcastKind {
    ANNOUNCEMENT, REMINDER, EVENT_CHANGED, FEEDBACK_REQUEST
}
