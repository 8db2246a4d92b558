package ru.eventbot.material;

/** A document an organiser sent the bot: Telegram's id for it, its name as sent, and its size if Telegram told. */
public record SentDocument(String telegramFileId, String fileName, Long size) {
}
