package ru.eventbot.participant;

/** What Telegram tells us about a person with each update, as plain values. */
public record TelegramProfile(long telegramUserId, long chatId, String firstName, String lastName,
                              String username, String languageCode) {

    public Language language() {
        return Language.fromTelegramCode(languageCode);
    }
}
