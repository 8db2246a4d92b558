package ru.eventbot.material;

/** An organiser confirmed a material sent in Telegram: its file is to be fetched and the material published. */
public record MaterialImportRequested(long telegramUserId) {
}
