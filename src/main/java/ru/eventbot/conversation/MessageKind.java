package ru.eventbot.conversation;

/** What a stored message was: the text of a person, a command, a button press, a reaction, or what the bot sent. */
public enum MessageKind {
    TEXT, COMMAND, CALLBACK, REACTION, EDITED, DOCUMENT, PHOTO, STICKER, MEDIA, MEMBER_STATUS, OTHER,
    /** The bot's own replies and notices. */
    BOT_MESSAGE,
    /** A reply an organiser wrote from the API or the dashboard. */
    ORGANISER_REPLY,
    /** The short notice Telegram shows after a button press (answerCallbackQuery). */
    CALLBACK_ANSWER,
    /** A participant's copy of a broadcast: an announcement, a reminder or a change notice. */
    ANNOUNCEMENT,
    /** The bot changed one of its messages in place (a like count, a page of a list, a progress bar). */
    BOT_EDIT,
    /** A stored file the bot sent as a document (a material), its caption as the text. */
    BOT_DOCUMENT,
    /** An event's rating histogram the bot drew and sent as a photo ({@code /stats}), its caption as the text. */
    BOT_CHART,
    /** The participant's personal data as a JSON document ({@code /mydata}), built when it is sent; the caption as text. */
    BOT_DATA_EXPORT
}
