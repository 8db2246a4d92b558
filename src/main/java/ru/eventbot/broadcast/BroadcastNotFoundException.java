package ru.eventbot.broadcast;

public class BroadcastNotFoundException extends RuntimeException {

    public BroadcastNotFoundException(long broadcastId) {
        super("There is no broadcast " + broadcastId + ".");
    }
}
