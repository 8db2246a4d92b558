package ru.eventbot.testsupport.telegram;

/** A document or photo attached to a message, as Telegram describes it. */
public record AttachedFile(String fileId, String fileUniqueId, String fileName, String mimeType, long size) {
}
