package ru.eventbot.material;

/** A material that cannot be published as given: what is wrong is in the message, for the organiser to fix. */
public class InvalidMaterialException extends RuntimeException {

    public InvalidMaterialException(String message) {
        super(message);
    }
}
