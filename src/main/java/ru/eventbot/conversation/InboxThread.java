package ru.eventbot.conversation;

import java.time.Instant;

/**
 * One participant's conversation in the organisers' inbox: their latest message in their own words, and whether an
 * organiser has answered it yet.
 */
public record InboxThread(long telegramUserId, String name, String username, String lastText, Instant lastAt,
                          boolean unanswered) {
}
