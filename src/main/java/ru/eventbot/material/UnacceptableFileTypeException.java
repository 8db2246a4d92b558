package ru.eventbot.material;

/** A file whose content is a program or script, whatever its name says: never handed to participants. */
public class UnacceptableFileTypeException extends RuntimeException {

    public UnacceptableFileTypeException(String fileName, String detectedType) {
        super("The file " + fileName + " is a program or script by its content (" + detectedType
                + "), not a document; it is not published.");
    }
}
