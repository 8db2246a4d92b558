package ru.eventbot.testsupport.telegram;

/** How the bot answered a callback query (answerCallbackQuery). */
public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert, String url) {
}
