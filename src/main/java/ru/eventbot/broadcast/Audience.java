package ru.eventbot.broadcast;

/** Who a broadcast goes to: every subscribed participant, or those who said they attend its event. */
public enum Audience {
    ALL, EVENT_ATTENDEES
}
