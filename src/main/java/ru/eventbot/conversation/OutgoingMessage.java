package ru.eventbot.conversation;

/**
 * Something the bot is to send: a text with an optional keyboard, or the answer to a button press
 * ({@link MessageKind#CALLBACK_ANSWER}, with the callback query id).
 */
public record OutgoingMessage(Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                              String callbackQueryId) {

    public static OutgoingMessage text(Long telegramUserId, long chatId, String text, Keyboard keyboard) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_MESSAGE, text, keyboard, null);
    }

    public static OutgoingMessage callbackAnswer(Long telegramUserId, long chatId, String callbackQueryId, String text) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.CALLBACK_ANSWER, text, Keyboard.none(),
                callbackQueryId);
    }
}
