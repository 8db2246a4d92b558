package ru.eventbot.broadcast;

/**
 * What a broadcast says: the text (Russian, or the organiser's own words for every reader), an English text
 * where the bot composed it in both languages, and the organiser's formatting as JSON entities.
 */
record BroadcastContent(String text, String textEn, String entitiesJson) {
}
