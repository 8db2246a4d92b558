package ru.eventbot.broadcast;

/** Cancelling a broadcast that has already gone out or was cancelled before. */
public class BroadcastFinishedException extends RuntimeException {

    public BroadcastFinishedException(long broadcastId, BroadcastStatus status) {
        super("Broadcast " + broadcastId + " is " + status + " and can no longer be cancelled.");
    }
}
