package ru.eventbot.account;

/** An account an administrator asked for that cannot be created: the message says why. */
public class InvalidAccountException extends RuntimeException {

    public InvalidAccountException(String message) {
        super(message);
    }
}
