package ru.eventbot.conversation;

public class ParticipantNotFoundException extends RuntimeException {

    public ParticipantNotFoundException(long telegramUserId) {
        super("No participant with Telegram user id " + telegramUserId);
    }
}
