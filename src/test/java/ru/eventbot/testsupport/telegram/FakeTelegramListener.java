package ru.eventbot.testsupport.telegram;

/**
 * Hooks for measuring the bot (e.g. update-to-reply latency in a benchmark). Called on server threads, possibly
 * while the fake holds its state lock: keep implementations fast, thread-safe and away from the fake's own
 * methods. Timestamps are {@link System#nanoTime()}.
 */
public interface FakeTelegramListener {

    /**
     * An update was handed to the bot: returned by getUpdates, or about to be POSTed to the webhook.
     *
     * @param chatId the chat the update belongs to, 0 if it has none
     */
    default void onUpdateServed(long updateId, long chatId, long nanoTime) {
    }

    /**
     * The bot sent a new message (sendMessage, sendDocument, sendPhoto...) to a chat. Called right after the
     * message is stored; a test thread may see the message a moment before this call returns.
     */
    default void onBotMessage(long chatId, int messageId, long nanoTime) {
    }

    /** The bot answered a button press (answerCallbackQuery). */
    default void onCallbackAnswered(String callbackQueryId, long nanoTime) {
    }
}
