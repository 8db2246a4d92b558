package ru.eventbot.testsupport.telegram;

import java.time.Duration;

/** A button press sent to the bot as a callback_query; the bot is expected to answer it. */
public final class PressedButton {

    private final FakeTelegram telegram;
    private final InlineButton button;
    private final EnqueuedUpdate update;

    PressedButton(FakeTelegram telegram, InlineButton button, EnqueuedUpdate update) {
        this.telegram = telegram;
        this.button = button;
        this.update = update;
    }

    public InlineButton button() {
        return button;
    }

    public EnqueuedUpdate update() {
        return update;
    }

    public String callbackQueryId() {
        return update.callbackQueryId();
    }

    /** Waits for the bot's answerCallbackQuery (the toast/alert text, if any). */
    public CallbackAnswer awaitAnswer() {
        return awaitAnswer(telegram.defaultTimeout());
    }

    public CallbackAnswer awaitAnswer(Duration timeout) {
        return telegram.awaitCallbackAnswer(callbackQueryId(), timeout);
    }
}
