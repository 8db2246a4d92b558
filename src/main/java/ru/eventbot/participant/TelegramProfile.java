package ru.eventbot.participant;

/**
 * What Telegram tells us about a person with each update, as plain values. Names and username are cut to what the
 * participant table holds (Telegram itself allows 64 characters, but an update is untrusted input: a longer name
 * once failed the whole batch of updates it was stored with).
 */
public record TelegramProfile(long telegramUserId, long chatId, String firstName, String lastName,
                              String username, String languageCode) {

    static final int MAX_NAME = 256;
    static final int MAX_USERNAME = 64;

    public TelegramProfile {
        firstName = cut(firstName, MAX_NAME);
        lastName = cut(lastName, MAX_NAME);
        username = cut(username, MAX_USERNAME);
    }

    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        var end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    public Language language() {
        return Language.fromTelegramCode(languageCode);
    }
}
