package ru.eventbot;

/** Thrown at start when no bot token is configured; {@link MissingBotTokenFailureAnalyzer} explains it in one line. */
public class MissingBotTokenException extends RuntimeException {

    public MissingBotTokenException() {
        super("TELEGRAM_BOT_TOKEN is not set");
    }
}
