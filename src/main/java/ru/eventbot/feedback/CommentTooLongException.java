package ru.eventbot.feedback;

public class CommentTooLongException extends RuntimeException {

    private final int length;

    public CommentTooLongException(int length) {
        super("A comment of " + length + " characters is longer than " + FeedbackService.MAX_COMMENT + ".");
        this.length = length;
    }

    public int length() {
        return length;
    }
}
