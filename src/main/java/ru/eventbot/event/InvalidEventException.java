package ru.eventbot.event;

/** Event details that break a rule (end before start, a field too long for a Telegram message...). */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
