package ru.eventbot.conversation;

/** A message waits in the outbox (PENDING) and should be delivered once the transaction commits. */
public record OutgoingMessageQueued(long messageId) {
}
