package ru.eventbot;

/** Thrown at start when no bot token is configured; {@link MissingBotTokenFailureAnalyzer} explains it in one line. */
public class MissingBotTokenException extends RuntimeException {

    public MissingBotTokenException() {
        super("TELEGRAM_BOT_TOKEN is not set");
    }

    /** @param whyNoSandbox why the application did not start in sandbox mode instead */
    public MissingBotTokenException(String whyNoSandbox) {
        super("TELEGRAM_BOT_TOKEN is not set, and " + whyNoSandbox);
    }
}
