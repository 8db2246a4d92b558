package ru.eventbot.conversation;

public class ParticipantUnreachableException extends RuntimeException {

    public ParticipantUnreachableException(long telegramUserId) {
        super("Participant " + telegramUserId + " has blocked the bot; Telegram will not deliver messages to them");
    }
}
