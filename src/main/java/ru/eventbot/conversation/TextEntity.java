package ru.eventbot.conversation;

/**
 * A formatting span in a text (bold, italic, a link...), as Telegram describes it: offsets and lengths count
 * UTF-16 code units. Keeping the organiser's own entities sends an announcement exactly as they wrote it.
 */
public record TextEntity(String type, int offset, int length, String url, String language, String customEmojiId) {
}
