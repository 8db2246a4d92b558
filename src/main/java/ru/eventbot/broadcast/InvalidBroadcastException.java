package ru.eventbot.broadcast;

/** A broadcast that cannot be sent as asked: empty or too long text, unknown event or audience, a past time. */
public class InvalidBroadcastException extends RuntimeException {

    public InvalidBroadcastException(String message) {
        super(message);
    }
}
