package ru.eventbot.feedback;

public class CommentNotFoundException extends RuntimeException {

    public CommentNotFoundException(long commentId) {
        super("There is no comment " + commentId + " on this event.");
    }
}
