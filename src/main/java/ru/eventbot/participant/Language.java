package ru.eventbot.participant;

import java.util.Locale;

/** The languages participants read the bot in: Russian by default, English for {@code language_code=en}. */
public enum Language {
    RU, EN;

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    public static Language fromTelegramCode(String languageCode) {
        if (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en")) {
            return EN;
        }
        return RU;
    }

    public Locale locale() {
        return this == EN ? Locale.ENGLISH : RUSSIAN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
