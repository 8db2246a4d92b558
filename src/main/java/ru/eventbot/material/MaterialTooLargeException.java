package ru.eventbot.material;

/** A file above the limit Telegram lets a bot upload (50 MB). */
public class MaterialTooLargeException extends RuntimeException {

    public MaterialTooLargeException(long size, long limit) {
        super("The file is " + size + " bytes; materials may be at most " + limit + " bytes (" + (limit >> 20)
                + " MB), the most Telegram lets a bot upload.");
    }
}
