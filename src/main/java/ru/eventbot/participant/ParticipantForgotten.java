package ru.eventbot.participant;

/**
 * A participant asked to be forgotten ({@code /forget}). Published inside the erasing transaction: every module
 * erases or anonymises what it holds about {@code telegramUserId} there and then, replacing the id by
 * {@code anonymousId} (negative, never a real Telegram id) where counts and averages must stay correct.
 */
public record ParticipantForgotten(long telegramUserId, long anonymousId) {
}
