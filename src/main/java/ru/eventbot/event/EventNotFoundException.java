package ru.eventbot.event;

public class EventNotFoundException extends RuntimeException {

    public EventNotFoundException(long eventId) {
        super("There is no event " + eventId + ".");
    }
}
