package ru.eventbot.conversation;

import java.util.List;

/**
 * Something the bot is to send: a text with an optional keyboard and formatting, the answer to a button press
 * ({@link MessageKind#CALLBACK_ANSWER}, with the callback query id), or a change to one of its own messages
 * ({@link MessageKind#BOT_EDIT}: new text and keyboard, or only a new keyboard when the text is null), or a
 * stored file sent as a document ({@link MessageKind#BOT_DOCUMENT}: the text is its caption, {@code attachmentId} the
 * material whose file it is), or an event's rating chart drawn when it is sent ({@link MessageKind#BOT_CHART}: the
 * text is its caption, {@code attachmentId} the event).
 */
public record OutgoingMessage(Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                              String callbackQueryId, Long editMessageId, List<TextEntity> entities, Long attachmentId) {

    public OutgoingMessage(Long telegramUserId, long chatId, MessageKind kind, String text, Keyboard keyboard,
                           String callbackQueryId) {
        this(telegramUserId, chatId, kind, text, keyboard, callbackQueryId, null, List.of(), null);
    }

    public static OutgoingMessage text(Long telegramUserId, long chatId, String text, Keyboard keyboard) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_MESSAGE, text, keyboard, null);
    }

    public static OutgoingMessage formatted(Long telegramUserId, long chatId, String text, List<TextEntity> entities,
                                            Keyboard keyboard) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_MESSAGE, text, keyboard, null, null,
                entities == null ? List.of() : entities, null);
    }

    public static OutgoingMessage callbackAnswer(Long telegramUserId, long chatId, String callbackQueryId, String text) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.CALLBACK_ANSWER, text, Keyboard.none(),
                callbackQueryId);
    }

    /** Replaces the text and keyboard of the bot's message {@code messageId}, or only its keyboard if text is null. */
    public static OutgoingMessage edit(Long telegramUserId, long chatId, long messageId, String text, Keyboard keyboard) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_EDIT, text, keyboard, null, messageId,
                List.of(), null);
    }

    /** A stored file (the material {@code attachmentId}) sent as a document with {@code caption} under it. */
    public static OutgoingMessage document(Long telegramUserId, long chatId, String caption, long attachmentId,
                                           Keyboard keyboard) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_DOCUMENT, caption, keyboard, null, null,
                List.of(), attachmentId);
    }

    /** The rating histogram of the event {@code eventId}, drawn as it is sent, as a photo with {@code caption}. */
    public static OutgoingMessage chart(Long telegramUserId, long chatId, String caption, long eventId) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_CHART, caption, Keyboard.none(), null, null,
                List.of(), eventId);
    }

    /** Everything stored about {@code telegramUserId} as a JSON document, built when it is sent. */
    public static OutgoingMessage dataExport(long telegramUserId, long chatId, String caption) {
        return new OutgoingMessage(telegramUserId, chatId, MessageKind.BOT_DATA_EXPORT, caption, Keyboard.none(), null);
    }
}
