package ru.eventbot.feedback;

import java.time.Instant;

/** A participant's comment on an event, with their rating and how many liked the comment. */
public record Comment(long id, long eventId, long authorId, String author, int rating, String text, boolean hidden,
                      int likes, Instant createdAt) {
}
