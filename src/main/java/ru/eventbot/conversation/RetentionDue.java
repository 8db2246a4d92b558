package ru.eventbot.conversation;

import java.time.Instant;

/** The daily retention run: whatever holds personal data from before {@code before} deletes it now. */
public record RetentionDue(Instant before) {
}
