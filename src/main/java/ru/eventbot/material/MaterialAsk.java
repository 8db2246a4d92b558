package ru.eventbot.material;

import ru.eventbot.participant.Language;

/** A participant's free text that may ask for a material, with who wrote it and where to answer. */
public record MaterialAsk(long telegramUserId, long chatId, Language language, String text) {
}
