package ru.eventbot.conversation;

/** The participant cannot be written to now: they blocked the bot, or unsubscribed with /stop. */
public class ParticipantUnreachableException extends RuntimeException {

    public ParticipantUnreachableException(long telegramUserId, String why) {
        super("Participant " + telegramUserId + " " + why);
    }
}
